using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Foundation;

/// <summary>Malformed or over-limit documents are 4xx GraphQL errors with a code and no stack trace, whichever layer refuses them.</summary>
public sealed class HostileDocumentTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> Documents => new()
    {
        { "selections, depth 200", "{ " + string.Concat(Enumerable.Repeat("a { ", 200)) + "b" + string.Concat(Enumerable.Repeat(" }", 200)) + " }" },
        { "selections, depth 5000", "{ " + string.Concat(Enumerable.Repeat("a { ", 5000)) + "b" + string.Concat(Enumerable.Repeat(" }", 5000)) + " }" },
        { "list literal, depth 200", "{ node(id: " + new string('[', 200) + new string(']', 200) + ") { id } }" },
        { "object literal, depth 200", "{ catalogs(where: " + string.Concat(Enumerable.Repeat("{ and: ", 200)) + "{}" + new string('}', 200) + ") { totalCount } }" },
        { "unterminated", "{ node(id: \"x) { id }" },
        { "selections, depth 20", "{ " + string.Concat(Enumerable.Repeat("node(id: \"x\") { ... on Catalog { contentItems { nodes { ", 4)) + "id" + string.Concat(Enumerable.Repeat(" } } } }", 4)) + " }" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_IsA4xxWithCodeAndNoStackTrace(string name, string query)
    {
        var response = await factory.CreateGqlClient().PostAsync(query);

        ((int)response.Status).ShouldBeInRange(400, 499, $"{name}: {response.Raw}");
        response.FirstErrorCode.ShouldNotBeNullOrWhiteSpace($"{name}: {response.Raw}");
        response.Raw.ShouldNotContain(" at ", Case.Sensitive, name);
        response.Raw.ShouldNotContain("Exception", Case.Sensitive, name);
    }

    [Fact]
    public async Task DeeplyNestedVariables_AreA4xxWithCode()
    {
        // Written by hand: System.Text.Json would refuse to serialize it (max depth 64) on the client side.
        var body = "{\"query\":\"query($v: ID!) { node(id: $v) { id } }\",\"variables\":{\"v\":" + new string('[', 200) + "\"x\"" + new string(']', 200) + "}}";
        using var http = await factory.CreateClient().PostAsync("/graphql", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var response = await GqlResponse.ReadAsync(http);

        ((int)response.Status).ShouldBeInRange(400, 499, response.Raw);
        response.FirstErrorCode.ShouldNotBeNullOrWhiteSpace(response.Raw);
        response.Raw.ShouldNotContain(" at ");
    }
}
