using System.Text.Json;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// Reads the two manifest formats clients produce:
/// <list type="bullet">
/// <item>Relay (and Hot Chocolate's): <c>{ "&lt;id&gt;": "&lt;document text&gt;", … }</c>;</item>
/// <item>Apollo's persisted query list: <c>{ "format": "apollo-persisted-query-manifest", "version": 1,
///   "operations": [{ "id", "name", "type", "body" }, …] }</c>.</item>
/// </list>
/// Every id must be the MD5 or SHA-256 hex digest of its text and every text must parse; otherwise the whole
/// manifest is refused with one line per problem.
/// </summary>
public static class OperationManifest
{
    public const string ApolloFormat = "apollo-persisted-query-manifest";

    public static IReadOnlyList<OperationEntry> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ManifestException([$"The manifest is not valid JSON: {exception.Message}"]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException(["A manifest is a JSON object: Relay's { \"<id>\": \"<text>\" } or an Apollo persisted query list."]);
            }

            var entries = document.RootElement.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
                ? ReadApollo(document.RootElement, format.GetString())
                : ReadRelay(document.RootElement);
            var problems = entries.SelectMany(Problems).ToList();
            return problems.Count == 0 ? entries : throw new ManifestException(problems);
        }
    }

    private static List<OperationEntry> ReadRelay(JsonElement root)
    {
        var entries = new List<OperationEntry>();
        var problems = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                entries.Add(new OperationEntry(property.Name, property.Value.GetString()!));
            }
            else
            {
                problems.Add($"{property.Name}: the value must be the document text (a string).");
            }
        }

        return problems.Count == 0 ? entries : throw new ManifestException(problems);
    }

    private static List<OperationEntry> ReadApollo(JsonElement root, string? format)
    {
        if (format != ApolloFormat)
        {
            throw new ManifestException([$"Unknown manifest format '{format}'; expected '{ApolloFormat}'."]);
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
        {
            throw new ManifestException(["Only version 1 of Apollo's persisted query list is supported."]);
        }

        if (!root.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestException(["An Apollo persisted query list needs an 'operations' array."]);
        }

        var entries = new List<OperationEntry>();
        var problems = new List<string>();
        var index = 0;
        foreach (var operation in operations.EnumerateArray())
        {
            var id = StringProperty(operation, "id");
            var body = StringProperty(operation, "body");
            if (id is null || body is null)
            {
                problems.Add($"operations[{index}]: needs string 'id' and 'body'.");
            }
            else
            {
                entries.Add(new OperationEntry(id, body, StringProperty(operation, "name")));
            }

            index++;
        }

        return problems.Count == 0 ? entries : throw new ManifestException(problems);
    }

    private static IEnumerable<string> Problems(OperationEntry entry)
    {
        if (OperationHash.Normalize(entry.Id) is null)
        {
            yield return $"{entry.Id}: not an MD5 (32) or SHA-256 (64) hex digest.";
        }
        else if (!OperationHash.Matches(entry.Id, entry.Document))
        {
            yield return $"{entry.Id}: does not match the text (its MD5 is {OperationHash.Md5Hex(entry.Document)}, its SHA-256 {OperationHash.Sha256Hex(entry.Document)}).";
        }

        if (OperationDocuments.Problem(entry.Document, entry.Name) is { } problem)
        {
            yield return $"{entry.Id}: {problem}";
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>A manifest that cannot be imported; nothing of it was stored.</summary>
public sealed class ManifestException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
