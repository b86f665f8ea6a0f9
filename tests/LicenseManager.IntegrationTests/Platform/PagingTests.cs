using System.Text;
using System.Text.Json.Nodes;

namespace LicenseManager.IntegrationTests.Platform;

public sealed class PagingTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>, IAsyncLifetime
{
    private const string Walk = "w";

    public async Task InitializeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        if (db.Probes.Any(p => p.Group == Walk))
        {
            return;
        }

        // Heavily repeated sort keys with nulls: only the id tie-breaker makes the order total.
        db.Probes.AddRange(Enumerable.Range(0, 37).Select(i => new Probe
        {
            Name = $"w{i:D2}",
            Group = Walk,
            Rank = (i % 4) == 0 ? null : i % 3,
            Nickname = (i % 5) == 0 ? null : $"n{i % 2}",
            Kind = (ProbeKind)(i % 3),
        }));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("[{ rank: DESC }, { nickname: ASC }]")]
    [InlineData("[{ nickname: DESC }, { rank: ASC }]")]
    [InlineData("[{ kind: ASC }, { rank: ASC }, { nickname: DESC }]")]
    [InlineData("[{ rank: ASC }]")]
    [InlineData("[{ rank: DESC }]")]
    [InlineData("[{ kind: DESC }]")]
    [InlineData("[{ kind: ASC }, { name: ASC }]")]
    [InlineData("[{ nickname: ASC }, { rank: DESC }]")]
    [InlineData("[{ nickname: ASC }]")]
    [InlineData("[]")]
    public async Task Probes_WalkForwardAndBackward_EveryRowOnceInOrder(string order)
    {
        var client = factory.CreateGqlClient();
        var all = Names((await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"w\" }} }}, order: {order}, first: 50) {{ nodes {{ name }} }} }}"))["probes"]!);
        all.Count.ShouldBe(37);

        var forward = new List<string>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            pages.ShouldBeLessThan(20);
            var page = await PageAsync(client, order, $"first: 5, after: {Quote(after)}");
            forward.AddRange(Names(page));
            page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().ShouldBe(after is not null);
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var backward = new List<string>();
        string? before = null;
        for (var pages = 0; ; pages++)
        {
            pages.ShouldBeLessThan(20);
            var page = await PageAsync(client, order, $"last: 5, before: {Quote(before)}");
            backward.InsertRange(0, Names(page));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        forward.ShouldBe(all);
        backward.ShouldBe(all);
    }

    [Fact]
    public async Task Probes_SortPrecedence_FollowsListOrderWithNullsLastAscending()
    {
        var data = await factory.CreateGqlClient().QueryAsync("""{ probes(where: { group: { in: ["a", "b", "c"] } }, order: [{ group: DESC }, { rank: ASC }]) { nodes { name } } }""");

        Names(data["probes"]!).ShouldBe(["echo", "foxtrot", "delta", "charlie", "alpha", "bravo"]);
    }

    [Fact]
    public async Task Probes_NoFirstOrLast_ReturnsTenByDefault()
    {
        var data = await factory.CreateGqlClient().QueryAsync("{ probes { nodes { name } } }");

        Names(data["probes"]!).Count.ShouldBe(10);
    }

    [Fact]
    public async Task Probes_NoFirstOrLast_ReturnsFieldsConfiguredDefaultPage()
    {
        var data = await factory.CreateGqlClient().QueryAsync("{ probesSmall { nodes { name } pageInfo { hasNextPage } } }");

        Names(data["probesSmall"]!).Count.ShouldBe(2);
        data["probesSmall"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("probes(first: 51)")]
    [InlineData("probes(last: 51)")]
    [InlineData("probes(first: -1)")]
    [InlineData("probesSmall(first: 6)")]
    public async Task Probes_PageSizeOverMax_FailsWithHC0051(string field)
    {
        var response = await factory.CreateGqlClient().PostAsync($"{{ {field} {{ nodes {{ name }} }} }}");

        response.FirstErrorCode.ShouldBe("HC0051", response.Raw);
    }

    [Fact]
    public async Task Probes_PageSizeAtMax_Succeeds()
    {
        var data = await factory.CreateGqlClient().QueryAsync("{ probesSmall(first: 5) { nodes { name } } }");

        Names(data["probesSmall"]!).Count.ShouldBe(5);
    }

    [Theory]
    [InlineData("after: \"garbage\"")]
    [InlineData("after: \"!!!\"")]
    [InlineData("before: \"WzEsMl0=\"")]
    public async Task Probes_GarbageCursor_FailsWithHC0078(string argument)
    {
        var response = await factory.CreateGqlClient().PostAsync($"{{ probes(first: 2, {argument}) {{ nodes {{ name }} }} }}");

        response.FirstErrorCode.ShouldBe("HC0078", response.Raw);
    }

    [Fact]
    public async Task Probes_CursorFromAnotherOrder_FailsWithHC0078()
    {
        var client = factory.CreateGqlClient();
        var cursor = (await client.QueryAsync("{ probes(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }"))["probes"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await client.PostAsync($"{{ probes(first: 1, order: [{{ rank: ASC }}], after: \"{cursor}\") {{ nodes {{ name }} }} }}");

        response.FirstErrorCode.ShouldBe("HC0078", response.Raw);
    }

    [Fact]
    public async Task Probes_DeepPage_UsesKeysetPredicateNotOffset()
    {
        var client = factory.CreateGqlClient();
        var cursor = (await client.QueryAsync("{ probes(first: 20, order: [{ rank: DESC }]) { pageInfo { endCursor } } }"))["probes"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        // The cursor holds the row's sort key and id, not a position.
        var decoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)))!.AsArray();
        decoded.Count.ShouldBe(3);
        Guid.TryParse(decoded[2]!.GetValue<string>(), out _).ShouldBeTrue();
        factory.Sql.Clear();

        await client.QueryAsync($"{{ probes(first: 5, order: [{{ rank: DESC }}], after: \"{cursor}\") {{ nodes {{ name }} }} }}");

        var sql = factory.Sql.CommandsOn("probe.probe").ShouldHaveSingleItem();
        sql.ShouldNotContain("OFFSET");
        sql.ShouldContain("(p.rank, p.id) < (");
        sql.ShouldContain("ORDER BY p.rank DESC");
        sql.ShouldContain("LIMIT");
    }

    [Fact]
    public async Task Probes_PageAfterCursorOnNonNullKey_BoundsTheLeadingKeyForAnIndexRange()
    {
        var client = factory.CreateGqlClient();
        var cursor = (await client.QueryAsync("{ probes(first: 3, order: [{ name: ASC }]) { pageInfo { endCursor } } }"))["probes"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        factory.Sql.Clear();

        await client.QueryAsync($"{{ probes(first: 3, order: [{{ name: ASC }}], after: \"{cursor}\") {{ nodes {{ name }} }} }}");

        // name is a non-nullable string: a row comparison from the cursor (an index range that starts at the
        // cursor's row, also among ties of name), and no "IS NULL" arm.
        var sql = factory.Sql.CommandsOn("probe.probe").ShouldHaveSingleItem();
        sql.ShouldContain("(p.name, p.id) > (");
        sql.ShouldNotContain("p.name IS NULL");
    }

    [Fact]
    public async Task Probes_AfterValueOnNullableAscendingKey_ReadsTheValueRangeThenTheNullRange()
    {
        var sql = await SqlOfSecondPageAsync("[{ rank: ASC }]", first: 3);

        // Two index ranges joined by UNION ALL (values from the cursor on, then the NULLs), never "OR rank IS NULL".
        sql.ShouldContain("UNION ALL");
        sql.ShouldContain("(p.rank, p.id) > (");
        sql.ShouldContain("p0.rank IS NULL");
        sql.ShouldNotContain("OR p.rank IS NULL");
        sql.ShouldContain("ORDER BY p.rank, p.id");
    }

    [Fact]
    public async Task Probes_AfterValueOnNullableDescendingKey_ReadsOneBoundedRangeWithTheTieBreakerDescending()
    {
        var sql = await SqlOfSecondPageAsync("[{ rank: DESC }]", first: 25);

        sql.ShouldNotContain("UNION");
        sql.ShouldContain("(p.rank, p.id) < (");
        sql.ShouldNotContain("IS NULL");
        // The tie-breaker follows the key's direction: the plain (rank, id) index read backward serves the order.
        sql.ShouldContain("ORDER BY p.rank DESC, p.id DESC");
    }

    [Fact]
    public async Task Probes_AfterNullOnNullableDescendingKey_ReadsTheRemainingNullsThenEveryValue()
    {
        // rank DESC puts the NULLs first: the page after the second row starts inside them.
        var sql = await SqlOfSecondPageAsync("[{ rank: DESC }]", first: 2);

        sql.ShouldContain("UNION ALL");
        sql.ShouldContain("p.rank IS NULL AND p.id < ");
        sql.ShouldContain("p0.rank IS NOT NULL");
    }

    [Fact]
    public async Task Probes_AfterNullOnNullableAscendingKey_ReadsOneRangeOfTheNulls()
    {
        var sql = await SqlOfSecondPageAsync("[{ rank: ASC }]", first: 30);

        sql.ShouldNotContain("UNION");
        sql.ShouldContain("p.rank IS NULL AND p.id > ");
    }

    [Fact]
    public async Task Probes_MixedDirections_BoundTheLeadingKeyAndFilterTheRest_NoRowComparison()
    {
        // One row comparison has one direction: name ASC, size DESC (then id DESC) can't be "(name, size, id) > (…)".
        var sql = await SqlOfSecondPageAsync("[{ name: ASC }, { size: DESC }]", first: 3);

        sql.ShouldContain("p.name >= ");
        sql.ShouldNotContain("(p.name, ");
    }

    /// <summary>The SQL of the page after the first <paramref name="first"/> rows of the walk group.</summary>
    private async Task<string> SqlOfSecondPageAsync(string order, int first)
    {
        var client = factory.CreateGqlClient();
        var cursor = (await PageAsync(client, order, $"first: {first}"))["pageInfo"]!["endCursor"]!.GetValue<string>();
        factory.Sql.Clear();

        await PageAsync(client, order, $"first: 5, after: \"{cursor}\"");

        return factory.Sql.CommandsOn("probe.probe").ShouldHaveSingleItem();
    }

    private static async Task<JsonNode> PageAsync(Infrastructure.GqlClient client, string order, string arguments) =>
        (await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"w\" }} }}, order: {order}, {arguments}) {{ nodes {{ name }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}"))["probes"]!;

    private static string Quote(string? cursor) => cursor is null ? "null" : $"\"{cursor}\"";

    private static List<string> Names(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
}
