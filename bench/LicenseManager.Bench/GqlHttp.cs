using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseManager.Bench;

/// <summary>
/// Plain HTTP/1.1 over loopback (one pooled handler, enough connections for every client). Request
/// bodies are serialized once up front so the timed loop measures the server, not the client's JSON.
/// </summary>
internal sealed class GqlHttp : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _client;

    public GqlHttp(Uri baseAddress, int connections, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 2),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        _client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
    }

    public string? Token { get; set; }

    public static byte[] Body(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables });

    /// <summary>Sends a prepared body; true when the status is 2xx (the body is read in full and dropped).</summary>
    public async Task<bool> PostAsync(byte[] body, bool authenticated, CancellationToken cancellationToken)
    {
        using var request = Request(body, authenticated);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        // A field error still answers 200: a response with top-level "errors" (GraphQL.NET writes them first) is a
        // failure too ("zero errors" is a target); a mutation payload's own "errors" field is data.
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return !text.AsSpan().StartsWith("{\"errors\""u8);
    }

    public async Task<bool> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Sends and returns <c>data</c>; throws on a non-2xx status or any <c>errors</c>.</summary>
    public async Task<JsonNode> QueryAsync(byte[] body, bool authenticated = true, CancellationToken cancellationToken = default)
    {
        using var request = Request(body, authenticated);
        using var response = await _client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = JsonNode.Parse(text);
        if (!response.IsSuccessStatusCode || json?["errors"] is not null || json?["data"] is not JsonNode data)
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {Shorten(text)}");
        }

        return data;
    }

    public async Task<string> PasswordTokenAsync(string email, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "license-manager-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "api",
        });
        using var response = await _client.PostAsync("connect/token", form);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && JsonNode.Parse(text)?["access_token"]?.GetValue<string>() is { } token
            ? token
            : throw new InvalidOperationException($"token request failed ({(int)response.StatusCode}): {Shorten(text)}");
    }

    private HttpRequestMessage Request(byte[] body, bool authenticated)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token ?? throw new InvalidOperationException("No token yet."));
        }

        return request;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    public void Dispose() => _client.Dispose();
}
