using System.Text;

namespace LicenseManager.Platform.Gql.Relay;

/// <summary>Opaque global ids in Hot Chocolate's format: <c>base64("TypeName:value")</c>.</summary>
public static class NodeId
{
    /// <summary>The error code of an id that does not decode (or names the wrong type): a client bug, reported as a field error.</summary>
    public const string InvalidCode = "INVALID_NODE_ID";

    public static GraphQL.ExecutionError Invalid(string? id, string? expectedType = null) =>
        new($"'{id}' is not a valid {expectedType ?? "node"} id.") { Code = InvalidCode };

    public static string Encode(string typeName, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{value}"));

    public static string Encode(string typeName, Guid value) => Encode(typeName, value.ToString("N"));

    public static bool TryDecode(string? id, out string typeName, out string value)
    {
        typeName = value = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 512)
        {
            return false;
        }

        var buffer = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, buffer, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        value = text[(colon + 1)..];
        return true;
    }

    public static bool TryDecodeGuid(string? id, string expectedType, out Guid value)
    {
        value = Guid.Empty;
        return TryDecode(id, out var typeName, out var raw)
            && typeName == expectedType
            && Guid.TryParseExact(raw, "N", out value);
    }
}
