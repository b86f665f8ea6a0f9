using System.Net.Http.Json;
using System.Text.Json;
using LicenseManager.Host.Commands;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Persisted;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>Requests as Relay, Hot Chocolate and Apollo clients send them, and the import command.</summary>
internal static class PersistedApi
{
    /// <summary>A public query with variables: one (null) entry per id.</summary>
    public const string NodesQuery = "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }";

    /// <summary>Well-formed global ids of catalogs that do not exist: each resolves to null.</summary>
    public static string[] Ids(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Catalog:{Guid.NewGuid():N}")))];

    public static string Unique(string query) => query + $" # {Guid.NewGuid():N}";

    public static async Task<GqlResponse> PostAsync(GqlClient client, object body)
    {
        using var response = await client.Http.PostAsJsonAsync("/graphql", body);
        return await GqlResponse.ReadAsync(response);
    }

    public static async Task<(GqlResponse Response, HttpResponseMessage Message)> GetAsync(GqlClient client, string queryString)
    {
        var message = await client.Http.GetAsync("/graphql?" + queryString);
        return (await GqlResponse.ReadAsync(message), message);
    }

    public static object Apq(string hash, string? query = null, object? variables = null) =>
        new { query, variables, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    public static string ApqQueryString(string hash, object? variables = null) =>
        "extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = hash } }))
        + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));

    public static async Task<(int Exit, string Output, string Error)> ImportAsync(IServiceProvider services, string manifestJson)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lm-manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, manifestJson);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await CommandLine.RunAsync(services, ["operations", "import", path], output, error);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string RelayManifest(params string[] documents) =>
        JsonSerializer.Serialize(documents.ToDictionary(OperationHash.Md5Hex, d => d));

    public static string ApolloManifest(params string[] documents) =>
        JsonSerializer.Serialize(new
        {
            format = OperationManifest.ApolloFormat,
            version = 1,
            operations = documents.Select(d => new { id = OperationHash.Sha256Hex(d), name = "Op", type = "query", body = d }),
        });
}
