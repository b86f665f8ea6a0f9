using LicenseManager.Catalog.Contracts;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Catalog;

public sealed class CatalogQueryTests(CatalogAppFactory factory) : IClassFixture<CatalogAppFactory>
{
    [Fact]
    public async Task Node_CatalogAndContentItemIds_RoundTrip()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Round trip");
        await CatalogApi.AddAsync(client, id, ("rt", "PROGRAM", "Round"));
        var itemId = (await client.QueryAsync("query($id: ID!) { node(id: $id) { ... on Catalog { contentItems { nodes { id } } } } }", new { id }))
            ["node"]!["contentItems"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var data = await client.QueryAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Catalog { title } ... on ContentItem { contentKey contentType } } }",
            new { ids = new[] { id, itemId } });

        data["nodes"]![0]!["__typename"]!.GetValue<string>().ShouldBe("Catalog");
        data["nodes"]![0]!["id"]!.GetValue<string>().ShouldBe(id);
        data["nodes"]![0]!["title"]!.GetValue<string>().ShouldBe("Round trip");
        data["nodes"]![1]!["__typename"]!.GetValue<string>().ShouldBe("ContentItem");
        data["nodes"]![1]!["contentKey"]!.GetValue<string>().ShouldBe("rt");
        NodeId.TryDecode(itemId, out var type, out _).ShouldBeTrue();
        type.ShouldBe("ContentItem");
    }

    [Theory]
    [InlineData("VW5rbm93bjoxMjM=")] // Unknown:123
    [InlineData("Q2F0YWxvZzowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMQ==")] // Catalog:0000…0001, no such row
    public async Task Node_UnknownId_ResolvesToNull(string id)
    {
        var response = await (await factory.OperatorAsync()).PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Errors.ShouldBeNull(response.Raw);
        response.Data!["node"].ShouldBeNull();
    }

    [Fact]
    public async Task Catalogs_FilterByEnterpriseSortedByTitleDesc_ReturnsThatEnterpriseInOrder()
    {
        var client = await factory.OperatorAsync();
        var enterprise = Guid.NewGuid();
        foreach (var title in new[] { "Beta", "Alpha", "Gamma" })
        {
            await CatalogApi.CreateAsync(client, title, enterprise);
        }

        await CatalogApi.CreateAsync(client, "Other enterprise");

        var data = await client.QueryAsync(
            "query($e: UUID!) { catalogs(where: { enterpriseCustomerId: { eq: $e } }, order: [{ title: DESC }]) { totalCount nodes { title enterpriseCustomerId } } }",
            new { e = enterprise });

        data["catalogs"]!["totalCount"]!.GetValue<int>().ShouldBe(3);
        CatalogApi.Strings(data["catalogs"]!["nodes"], "title").ShouldBe(["Gamma", "Beta", "Alpha"]);
    }

    [Fact]
    public async Task ContentItems_UnderManyCatalogs_LoadInOneQueryPerLevel()
    {
        var client = await factory.OperatorAsync();
        var enterprise = Guid.NewGuid();
        for (var c = 0; c < 4; c++)
        {
            var id = await CatalogApi.CreateAsync(client, $"Batch {c}", enterprise);
            await CatalogApi.AddAsync(client, id, Enumerable.Range(0, c + 2).Select(i => ($"c{c}-k{i}", "COURSE", $"T{i}")).ToArray());
        }

        factory.Sql.Clear();
        var data = await client.QueryAsync(
            """
            query($e: UUID!) {
              catalogs(where: { enterpriseCustomerId: { eq: $e } }, order: [{ title: ASC }]) {
                nodes { title contentItems(first: 2, order: [{ contentKey: DESC }]) { totalCount pageInfo { hasNextPage } nodes { contentKey } } }
              }
            }
            """,
            new { e = enterprise });

        var catalogs = data["catalogs"]!["nodes"]!.AsArray();
        catalogs.Count.ShouldBe(4);
        for (var c = 0; c < 4; c++)
        {
            var items = catalogs[c]!["contentItems"]!;
            items["totalCount"]!.GetValue<int>().ShouldBe(c + 2);
            items["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBe(c > 0);
            CatalogApi.Strings(items["nodes"], "contentKey").ShouldBe([$"c{c}-k{c + 1}", $"c{c}-k{c}"]);
        }

        // One page query and one count query for all four catalogs; the page query reads at most
        // first + 1 rows per catalog (one LIMIT per catalog), never numbering a catalog's whole content.
        factory.Sql.CommandsOn("content_items").Count.ShouldBe(2, string.Join("\n---\n", factory.Sql.Commands));
        var pageQuery = factory.Sql.CommandsOn("UNION ALL").ShouldHaveSingleItem();
        System.Text.RegularExpressions.Regex.Matches(pageQuery, "LIMIT").Count.ShouldBe(4, pageQuery);
        pageQuery.ShouldNotContain("ROW_NUMBER()");
    }

    [Fact]
    public async Task ContentItems_FilterByTypeAndTitle_ReturnsMatches()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Filtered");
        await CatalogApi.AddAsync(client, id, ("p1", "PROGRAM", "Data science"), ("c1", "COURSE", "Data basics"), ("r1", "COURSE_RUN", "Data run"), ("c2", "COURSE", "Other"));

        var data = await client.QueryAsync(
            """
            query($id: ID!) { node(id: $id) { ... on Catalog {
              contentItems(where: { contentType: { in: [COURSE, COURSE_RUN] }, title: { startsWith: "Data" } }, order: [{ contentKey: ASC }]) { totalCount nodes { contentKey } } } } }
            """,
            new { id });

        var items = data["node"]!["contentItems"]!;
        items["totalCount"]!.GetValue<int>().ShouldBe(2);
        CatalogApi.Strings(items["nodes"], "contentKey").ShouldBe(["c1", "r1"]);
    }

    [Fact]
    public async Task ContentItems_WalkedWithCursors_ReturnEveryItemOnce()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Walk");
        await CatalogApi.AddAsync(client, id, Enumerable.Range(0, 13).Select(i => ($"w{i:D2}", i % 3 == 0 ? "PROGRAM" : "COURSE", $"T{i % 4}")).ToArray());
        const string Page = """
            query($id: ID!, $after: String) { node(id: $id) { ... on Catalog { contentItems(first: 4, after: $after, order: [{ title: ASC }]) {
              pageInfo { hasNextPage endCursor } nodes { contentKey } } } } }
            """;

        var seen = new List<string>();
        string? after = null;
        for (var guard = 0; guard < 10; guard++)
        {
            var items = (await client.QueryAsync(Page, new { id, after }))["node"]!["contentItems"]!;
            seen.AddRange(CatalogApi.Strings(items["nodes"], "contentKey"));
            if (!items["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = items["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        seen.Count.ShouldBe(13);
        seen.Distinct().Count().ShouldBe(13);
    }

    [Fact]
    public async Task ContainedKeys_ThousandKeys_OneIndexedQuery()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Membership");
        await CatalogApi.AddAsync(client, id, Enumerable.Range(0, 500).Select(i => ($"m{i * 2}", "COURSE", "T")).ToArray());
        NodeId.TryDecodeGuid(id, "Catalog", out var catalogId).ShouldBeTrue();
        var asked = Enumerable.Range(0, 1000).Select(i => $"m{i}").ToList();
        factory.Sql.Clear();

        var contained = await factory.Services.GetRequiredService<ICatalogMembership>().ContainedKeysAsync(catalogId, asked, CancellationToken.None);

        contained.Count.ShouldBe(500);
        contained.ShouldContain("m998");
        contained.ShouldNotContain("m999");
        factory.Sql.Commands.Count.ShouldBe(1);
        factory.Sql.Commands[0].ShouldContain("= ANY (");
    }

    [Fact]
    public async Task ContainedKeys_UnknownCatalog_ReturnsEmpty()
    {
        var contained = await factory.Services.GetRequiredService<ICatalogMembership>()
            .ContainedKeysAsync(Guid.NewGuid(), ["a", "b"], CancellationToken.None);

        contained.ShouldBeEmpty();
    }
}
