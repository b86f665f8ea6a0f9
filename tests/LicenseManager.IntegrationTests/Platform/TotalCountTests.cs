namespace LicenseManager.IntegrationTests.Platform;

/// <summary>A field's count strategy answers what it can; everything else is an exact COUNT(*).</summary>
public sealed class TotalCountTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>
{
    [Fact]
    public async Task Unfiltered_IsAnsweredByTheFieldsCounter_WithoutCountingRows()
    {
        factory.Sql.Clear();

        var data = await factory.CreateGqlClient().QueryAsync("{ probesCounted(first: 1) { totalCount } }");

        data["probesCounted"]!["totalCount"]!.GetValue<int>().ShouldBe(ProbeAppFactory.ProbeQueries.CounterSentinel);
        factory.Sql.Commands.ShouldNotContain(c => c.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("{ kind: { eq: RED } }", 2)]
    [InlineData("{ name: { startsWith: \"e\" }, rank: { gt: 1 } }", 1)]
    public async Task Filtered_FallsBackToAnExactCount(string where, int expected)
    {
        factory.Sql.Clear();

        var data = await factory.CreateGqlClient().QueryAsync($"{{ probesCounted(where: {where}, first: 1) {{ totalCount }} }}");

        data["probesCounted"]!["totalCount"]!.GetValue<int>().ShouldBe(expected);
        factory.Sql.Commands.ShouldContain(c => c.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutAStrategy_CountsExactly()
    {
        var data = await factory.CreateGqlClient().QueryAsync("{ probes(first: 1) { totalCount } }");

        data["probes"]!["totalCount"]!.GetValue<int>().ShouldBe(6);
    }
}
