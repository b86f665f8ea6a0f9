using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>Sends GraphQL documents over HTTP and hands back the status and the parsed body.</summary>
public sealed class GqlClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>
    /// When set, every document is registered first (returning its id) and sent as a persisted operation by id,
    /// the only way partner services may call the API.
    /// </summary>
    public Func<string, Task<string>>? Register { get; init; }

    public GqlClient WithBearer(string accessToken)
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return this;
    }

    public async Task<GqlResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var response = Register is null
            ? await Http.PostAsJsonAsync("/graphql", new { query, variables, operationName })
            : await Http.PostAsJsonAsync("/graphql", new { id = await Register(query), variables, operationName });
        return await GqlResponse.ReadAsync(response);
    }

    /// <summary>Posts and fails the test unless the response is 200 with no errors; returns <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        response.Errors.ShouldBeNull(response.Raw);
        return response.Data!;
    }
}

public sealed record GqlResponse(HttpStatusCode Status, string? ContentType, string Raw, JsonNode? Body)
{
    public JsonNode? Data => Body?["data"];

    public JsonArray? Errors => Body?["errors"] as JsonArray;

    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    public static async Task<GqlResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = raw.Length > 0 ? JsonNode.Parse(raw) : null;
        }
        catch (JsonException)
        {
        }

        return new GqlResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, raw, body);
    }
}
