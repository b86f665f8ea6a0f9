using System.Text.Json.Nodes;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.IntegrationTests.Platform;

/// <summary>
/// On realistic data (200,000 probes, a quarter with a NULL rank, a third with a NULL nickname), the pages
/// a connection produces are served by the index its conventions declare for the order, at any depth and in
/// both directions; case-insensitive substring filters by the trigram index. Checked with EXPLAIN.
/// </summary>
public sealed class BigTablePlanTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>, IAsyncLifetime
{
    private const string Big = "big";
    private const int Rows = 200_000;

    public async Task InitializeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await db.Probes.AnyAsync(p => p.Group == Big))
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO probe.probes (id, name, nickname, rank, size, seen_at, kind, "group")
            SELECT gen_random_uuid(), 'p' || i,
                   CASE WHEN i % 3 = 0 THEN NULL ELSE 'Nick' || (i % 1000) END,
                   CASE WHEN i % 4 = 0 THEN NULL ELSE i % 5000 END,
                   i,
                   CASE WHEN i % 5 = 0 THEN NULL ELSE timestamptz '2024-01-01' + (i % 10000) * interval '1 minute' END,
                   i % 3, '{Big}'
            FROM generate_series(1, {Rows}) AS i;
            ANALYZE probe.probes;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> DeepPages => new()
    {
        // field, direction, where the cursor row sits (a value or NULL of that field)
        { "rank", "ASC", "value" },
        { "rank", "ASC", "null" },
        { "rank", "DESC", "value" },
        { "rank", "DESC", "null" },
        { "nickname", "ASC", "value" },
        { "nickname", "DESC", "null" },
        { "seenAt", "DESC", "value" },
        { "seenAt", "ASC", "value" },
    };

    [Theory]
    [MemberData(nameof(DeepPages))]
    public async Task DeepPage_ForwardAndBackward_IsReadFromTheDeclaredIndex(string field, string direction, string cursorAt)
    {
        var index = ProbeAppFactory.ProbeQueries.Declared.IndexFor(field).ShouldNotBeNull();
        var order = $"[{{ {field}: {direction} }}]";
        var client = factory.CreateGqlClient();
        var cursor = await CursorAsync(client, field, order, cursorAt);

        foreach (var paging in new[] { $"first: 20, after: \"{cursor}\"", $"last: 20, before: \"{cursor}\"" })
        {
            factory.Sql.Clear();
            var page = (await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"{Big}\" }} }}, order: {order}, {paging}) {{ nodes {{ name }} }} }}"))["probes"]!;
            page["nodes"]!.AsArray().Count.ShouldBe(20);
            var plan = await QueryPlans.ExplainAsync(factory.ConnectionString, factory.Sql.Captured.Single(c => c.Text.Contains("probe.probes", StringComparison.Ordinal)));

            plan.ShouldContain($"using {index}", customMessage: plan);
            plan.ShouldNotContain("Seq Scan", customMessage: plan);
            plan.ShouldNotContain("Bitmap", customMessage: plan);
            // Every index scan starts from a bound on the sort key (a row comparison "(key, id) > (…)" from a
            // value, "IS NULL" / "IS NOT NULL" for the NULLs), not a filter.
            var lines = plan.Split('\n');
            var scans = lines.Count(l => l.Contains("Index Scan", StringComparison.Ordinal));
            var bounded = lines.Count(l => l.Contains("Index Cond:", StringComparison.Ordinal)
                && (l.Contains($"AND ({Column(field)} ", StringComparison.Ordinal) || l.Contains($"AND (ROW({Column(field)}, id) ", StringComparison.Ordinal)));
            bounded.ShouldBe(scans, plan);
            // At most the final sort of the two ranges' 2 × 21 rows; never a sort of the whole range.
            plan.Split('\n').Count(l => l.Contains("Sort  (", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1, plan);
        }
    }

    /// <summary>
    /// 30,000 rows share one rank and one seenAt (as 100,000 licenses assigned in one statement share one
    /// assignedAt): a page from a cursor in the middle of the tie group seeks to the cursor's row through
    /// the index ("(key, id) &gt; (…)" as the index condition), instead of starting at the first tie and
    /// filtering 15,000 rows away.
    /// </summary>
    [Theory]
    [InlineData("rank", "ASC")]
    [InlineData("rank", "DESC")]
    [InlineData("seenAt", "ASC")]
    [InlineData("seenAt", "DESC")]
    public async Task DeepPage_InsideALargeGroupOfTies_SeeksToTheCursorRow(string field, string direction)
    {
        await SeedTiesAsync();
        var index = ProbeAppFactory.ProbeQueries.Declared.IndexFor(field).ShouldNotBeNull();
        var order = $"[{{ {field}: {direction} }}]";
        var client = factory.CreateGqlClient();
        // The cursor of the tie group's middle row (by id, which orders the ties).
        var middle = await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"{Ties}\" }}, name: {{ eq: \"{TieMiddleName}\" }} }}, order: {order}, first: 1) {{ edges {{ cursor }} }} }}");
        var cursor = middle["probes"]!["edges"]![0]!["cursor"]!.GetValue<string>();

        foreach (var paging in new[] { $"first: 20, after: \"{cursor}\"", $"last: 20, before: \"{cursor}\"" })
        {
            factory.Sql.Clear();
            var page = (await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"{Ties}\" }} }}, order: {order}, {paging}) {{ nodes {{ name }} }} }}"))["probes"]!;
            page["nodes"]!.AsArray().Count.ShouldBe(20);
            var plan = await QueryPlans.ExplainAsync(factory.ConnectionString, factory.Sql.Captured.Single(c => c.Text.Contains("probe.probes", StringComparison.Ordinal)), "(ANALYZE, BUFFERS)");

            plan.ShouldContain($"using {index}", customMessage: plan);
            plan.ShouldContain($"Index Cond: ((\"group\" = '{Ties}'::text) AND (ROW({Column(field)}, id) ", customMessage: plan);
            // A scan that starts at the first tie filters the rows before the cursor away; a seek reads 21 rows.
            plan.ShouldNotContain("Rows Removed by Filter", customMessage: plan);
            plan.ShouldContain("rows=21 ", customMessage: plan);
        }
    }

    private const string Ties = "ties";
    private const int TieRows = 30_000;
    private const string TieMiddleName = "t15000";

    private async Task SeedTiesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await db.Probes.AnyAsync(p => p.Group == Ties))
        {
            return;
        }

        // Ids ascending with i, so the row named t15000 sits in the middle of the ties in either direction.
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO probe.probes (id, name, nickname, rank, size, seen_at, kind, "group")
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 't' || i, NULL, 7, i,
                   timestamptz '2024-06-01', 0, '{Ties}'
            FROM generate_series(1, {TieRows}) AS i;
            ANALYZE probe.probes;
            """);
    }

    [Fact]
    public async Task CaseInsensitiveContains_MatchesAnyCaseAndIsServedByTheTrigramIndex()
    {
        var client = factory.CreateGqlClient();
        factory.Sql.Clear();

        var data = await client.QueryAsync($$"""{ probes(where: { group: { eq: "{{Big}}" }, nicknameCi: { contains: "ICK123" } }, first: 10) { totalCount nodes { nickname } } }""");

        var nicknames = data["probes"]!["nodes"]!.AsArray().Select(n => n!["nickname"]!.GetValue<string>()).ToList();
        nicknames.Count.ShouldBe(10);
        nicknames.ShouldAllBe(n => n.StartsWith("Nick123", StringComparison.Ordinal));
        // i % 1000 = 123 and i not a multiple of 3: 133 of 200,000.
        data["probes"]!["totalCount"]!.GetValue<int>().ShouldBe(133);
        // The count has no LIMIT to hide behind: without the trigram index it is a scan of the whole group.
        var count = factory.Sql.Captured.Single(c => c.Text.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
        count.Text.ShouldContain("ILIKE");
        var plan = await QueryPlans.ExplainAsync(factory.ConnectionString, count);
        plan.ShouldContain($"Bitmap Index Scan on {ProbeDbContext.NicknameTrigramIndex}", customMessage: plan);
    }

    private static string Column(string field) => field switch
    {
        "seenAt" => "seen_at",
        _ => field,
    };

    /// <summary>A cursor on a row deep in the order (values near the middle, or a NULL), built through the API.</summary>
    private static async Task<string> CursorAsync(GqlClient client, string field, string order, string cursorAt)
    {
        var value = (field, cursorAt) switch
        {
            (_, "null") => "null",
            ("rank", _) => "2501",
            ("nickname", _) => "\"Nick500\"",
            ("seenAt", _) => "\"2024-01-04T12:01:00.000Z\"",
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        // NULLs sort last ascending, first descending: take the NULL row with rows of both kinds on either side of it.
        var take = cursorAt == "null" && order.Contains("DESC", StringComparison.Ordinal) ? "last: 1" : "first: 1";
        var data = await client.QueryAsync($"{{ probes(where: {{ group: {{ eq: \"{Big}\" }}, {field}: {{ eq: {value} }} }}, order: {order}, {take}) {{ edges {{ cursor }} }} }}");
        return data["probes"]!["edges"]![0]!["cursor"]!.GetValue<string>();
    }
}
