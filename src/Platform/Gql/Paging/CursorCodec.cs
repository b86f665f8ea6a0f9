using System.Text;
using System.Text.Json;
using GraphQL;
using LicenseManager.Platform.Gql.Sorting;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// Opaque keyset cursors: base64 of a JSON array holding the ordering's signature and the row's sort-key
/// values (the id last). A cursor from another ordering, or garbage, is refused with <c>HC0078</c>.
/// </summary>
public static class CursorCodec
{
    public const string InvalidCursorCode = "HC0078";

    public static string Encode(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        var payload = new object?[values.Count + 1];
        payload[0] = Signature(keys);
        for (var i = 0; i < values.Count; i++)
        {
            payload[i + 1] = values[i];
        }

        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    public static object?[] Decode(IReadOnlyList<SortKey> keys, string cursor)
    {
        try
        {
            var buffer = new byte[cursor.Length];
            if (cursor.Length > 4096 || !Convert.TryFromBase64String(cursor, buffer, out var written))
            {
                throw Invalid();
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            var items = document.RootElement.EnumerateArray().ToArray();
            if (items.Length != keys.Count + 1 || items[0].GetString() != Signature(keys))
            {
                throw Invalid();
            }

            var values = new object?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                values[i] = items[i + 1].Deserialize(keys[i].Selector.ReturnType);
            }

            return values;
        }
        // Whatever a tampered cursor makes the parser throw, the client gets HC0078, never a server error.
        catch (Exception exception) when (exception is not ExecutionError)
        {
            throw Invalid();
        }
    }

    private static string Signature(IReadOnlyList<SortKey> keys)
    {
        var builder = new StringBuilder();
        foreach (var key in keys)
        {
            builder.Append(key.Name).Append(key.Descending ? '-' : '+');
        }

        return builder.ToString();
    }

    private static ExecutionError Invalid() => new("The cursor is not valid for this field and ordering.") { Code = InvalidCursorCode };
}
