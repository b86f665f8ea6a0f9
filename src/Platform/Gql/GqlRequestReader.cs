using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Reads the request ourselves: GraphQL.NET's reader ignores <c>id</c>, which persisted-operation
/// clients (Relay, Hot Chocolate) send instead of <c>query</c>.
/// </summary>
public sealed class GqlRequestReader(IGraphQLTextSerializer serializer)
{
    public GqlRequest FromQueryString(IQueryCollection query) =>
        new(
            Single(query, "query"),
            Single(query, "operationName"),
            ParseInputs(Single(query, "variables"), "variables"),
            ParseInputs(Single(query, "extensions"), "extensions"),
            Single(query, "documentId") ?? Single(query, "id"));

    public GqlRequest FromJson(ReadOnlyMemory<byte> body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new GqlRequestException($"The request body is not valid JSON: {exception.Message}", "INVALID_REQUEST_BODY");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                throw new GqlRequestException("Batched requests (a JSON array) are not enabled.", "BATCHING_NOT_ALLOWED");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GqlRequestException("The request body must be a JSON object.", "INVALID_REQUEST_BODY");
            }

            return new GqlRequest(
                String(root, "query"),
                String(root, "operationName"),
                Object(root, "variables"),
                Object(root, "extensions"),
                String(root, "documentId") ?? String(root, "id"));
        }
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw new GqlRequestException($"The query-string parameter '{name}' is given more than once.", "INVALID_REQUEST");
        }

        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    private static string? String(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new GqlRequestException($"'{name}' must be a string.", "INVALID_REQUEST");
    }

    private Inputs? Object(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? serializer.ReadNode<Inputs>(value)
            : throw new GqlRequestException($"'{name}' must be a JSON object.", "INVALID_REQUEST");
    }

    private Inputs? ParseInputs(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind switch
            {
                JsonValueKind.Object => serializer.ReadNode<Inputs>(json.RootElement),
                JsonValueKind.Null => null,
                _ => throw new GqlRequestException($"'{name}' must be a JSON object.", "INVALID_REQUEST"),
            };
        }
        catch (JsonException exception)
        {
            throw new GqlRequestException($"'{name}' is not valid JSON: {exception.Message}", "INVALID_REQUEST");
        }
    }
}
