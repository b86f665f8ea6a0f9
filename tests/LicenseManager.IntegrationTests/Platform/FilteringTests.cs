namespace LicenseManager.IntegrationTests.Platform;

public sealed class FilteringTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>
{
    private const string R1 = "00000000-0000-0000-0000-000000000001";
    private const string R2 = "00000000-0000-0000-0000-000000000002";
    private const string R3 = "00000000-0000-0000-0000-000000000003";

    [Theory]
    [InlineData("{}", "alpha bravo charlie delta echo foxtrot")]
    [InlineData("{ name: { eq: \"alpha\" } }", "alpha")]
    [InlineData("{ name: { neq: \"alpha\" } }", "bravo charlie delta echo foxtrot")]
    [InlineData("{ nickname: { eq: null } }", "bravo foxtrot")]
    [InlineData("{ nickname: { neq: null } }", "alpha charlie delta echo")]
    [InlineData("{ name: { contains: \"lt\" } }", "delta")]
    [InlineData("{ name: { ncontains: \"a\" } }", "echo foxtrot")]
    [InlineData("{ name: { startsWith: \"ch\" } }", "charlie")]
    [InlineData("{ name: { nstartsWith: \"c\" } }", "alpha bravo delta echo foxtrot")]
    [InlineData("{ name: { endsWith: \"o\" } }", "bravo echo")]
    [InlineData("{ name: { nendsWith: \"o\" } }", "alpha charlie delta foxtrot")]
    [InlineData("{ name: { in: [\"alpha\", \"echo\", \"zulu\"] } }", "alpha echo")]
    [InlineData("{ name: { nin: [\"alpha\", \"echo\"] } }", "bravo charlie delta foxtrot")]
    [InlineData("{ name: { or: [{ eq: \"alpha\" }, { startsWith: \"b\" }] } }", "alpha bravo")]
    [InlineData("{ name: { and: [{ contains: \"a\" }, { contains: \"r\" }] } }", "bravo charlie")]
    [InlineData("{ rank: { eq: 2 } }", "bravo")]
    [InlineData("{ rank: { neq: 2 } }", "alpha charlie delta echo foxtrot")]
    [InlineData("{ rank: { eq: null } }", "charlie foxtrot")]
    [InlineData("{ rank: { neq: null } }", "alpha bravo delta echo")]
    [InlineData("{ rank: { gt: 2 } }", "delta echo")]
    [InlineData("{ rank: { ngt: 2 } }", "alpha bravo charlie foxtrot")]
    [InlineData("{ rank: { gte: 4 } }", "delta echo")]
    [InlineData("{ rank: { ngte: 4 } }", "alpha bravo charlie foxtrot")]
    [InlineData("{ rank: { lt: 2 } }", "alpha")]
    [InlineData("{ rank: { nlt: 4 } }", "charlie delta echo foxtrot")]
    [InlineData("{ rank: { lte: 2 } }", "alpha bravo")]
    [InlineData("{ rank: { nlte: 2 } }", "charlie delta echo foxtrot")]
    [InlineData("{ rank: { in: [1, 5] } }", "alpha echo")]
    [InlineData("{ rank: { nin: [1, 5] } }", "bravo charlie delta foxtrot")]
    [InlineData("{ size: { gt: 1000 } }", "echo")]
    [InlineData("{ size: { eq: 50000000000 } }", "echo")]
    [InlineData("{ size: { lte: 20 } }", "alpha bravo")]
    [InlineData("{ seenAt: { gte: \"2024-04-01T00:00:00Z\" } }", "delta echo foxtrot")]
    [InlineData("{ seenAt: { lt: \"2024-02-01T00:00:00.000Z\" } }", "alpha")]
    [InlineData("{ seenAt: { eq: \"2024-06-01T12:30:00.123Z\" } }", "foxtrot")]
    [InlineData("{ seenAt: { eq: null } }", "charlie")]
    [InlineData("{ day: { gt: \"2024-04-01\" } }", "echo foxtrot")]
    [InlineData("{ day: { in: [\"2024-01-01\", \"2024-05-01\"] } }", "alpha echo")]
    [InlineData("{ day: { eq: null } }", "charlie")]
    [InlineData("{ active: { eq: true } }", "alpha delta")]
    [InlineData("{ active: { neq: true } }", "bravo charlie echo foxtrot")]
    [InlineData("{ active: { eq: null } }", "charlie foxtrot")]
    [InlineData("{ kind: { eq: RED } }", "alpha delta")]
    [InlineData("{ kind: { neq: BLUE } }", "alpha bravo delta echo")]
    [InlineData("{ kind: { in: [GREEN, BLUE] } }", "bravo charlie echo foxtrot")]
    [InlineData("{ kind: { nin: [RED] } }", "bravo charlie echo foxtrot")]
    [InlineData("{ ref: { eq: \"" + R1 + "\" } }", "alpha delta")]
    [InlineData("{ ref: { eq: null } }", "bravo echo")]
    [InlineData("{ ref: { in: [\"" + R2 + "\", \"" + R3 + "\"] } }", "charlie foxtrot")]
    [InlineData("{ ref: { gt: \"" + R1 + "\" } }", "charlie foxtrot")]
    [InlineData("{ size: { in: [null, 10] } }", "alpha")]
    [InlineData("{ rank: { in: [null, 1] } }", "alpha charlie foxtrot")]
    [InlineData("{ kind: { eq: RED }, rank: { gt: 1 } }", "delta")]
    [InlineData("{ name: null, kind: { eq: GREEN } }", "bravo echo")]
    [InlineData("{ rank: { eq: 1, neq: null } }", "alpha")]
    [InlineData("{ or: [{ name: { eq: \"alpha\" } }, { and: [{ kind: { eq: BLUE } }, { rank: { eq: null } }] }] }", "alpha charlie foxtrot")]
    [InlineData("{ and: [{ or: [{ group: { eq: \"a\" } }, { group: { eq: \"c\" } }] }, { active: { eq: false } }] }", "bravo echo")]
    // Declared case-insensitive: substring operations as ILIKE (escaped), equality against the lower-cased input.
    [InlineData("{ nicknameCi: { contains: \"HUC\" } }", "charlie")]
    [InlineData("{ nicknameCi: { startsWith: \"e\" } }", "echo")]
    [InlineData("{ nicknameCi: { endsWith: \"EE\" } }", "delta")]
    [InlineData("{ nicknameCi: { nstartsWith: \"c\" } }", "alpha bravo delta echo foxtrot")]
    [InlineData("{ nicknameCi: { ncontains: \"E\" } }", "alpha bravo charlie foxtrot")]
    [InlineData("{ nicknameCi: { contains: \"%\" } }", "")]
    [InlineData("{ nicknameCi: { startsWith: \"_\" } }", "")]
    [InlineData("{ nameCi: { eq: \"ALPHA\" } }", "alpha")]
    [InlineData("{ nameCi: { in: [\"Echo\", \"DELTA\"] } }", "delta echo")]
    [InlineData("{ nameCi: { neq: \"Bravo\" } }", "alpha charlie delta echo foxtrot")]
    // Declared stored lower-cased: substring operations as LIKE against the lower-cased input.
    [InlineData("{ nameCi: { contains: \"LPH\" } }", "alpha")]
    [InlineData("{ nameCi: { nstartsWith: \"C\", endsWith: \"O\" } }", "bravo echo")]
    [InlineData("{ nameCi: { contains: \"_\" } }", "")]
    public async Task Probes_Where_ReturnsMatchingRows(string where, string expected)
    {
        var data = await factory.CreateGqlClient().QueryAsync($"{{ probes(where: {where}, first: 50, order: [{{ name: ASC }}]) {{ nodes {{ name }} }} }}");

        var names = data["probes"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>());
        string.Join(' ', names).ShouldBe(expected);
    }

    [Fact]
    public async Task Probes_FilteredSortedPaged_RunsOneParameterisedStatement()
    {
        factory.Sql.Clear();

        await factory.CreateGqlClient().QueryAsync("""{ probes(where: { name: { startsWith: "secret" }, rank: { gt: 3 } }, order: [{ rank: DESC }], first: 3) { nodes { name } } }""");

        var sql = factory.Sql.CommandsOn("probe.probe").ShouldHaveSingleItem();
        sql.ShouldContain("WHERE");
        sql.ShouldContain("ORDER BY");
        sql.ShouldContain("LIMIT");
        sql.ShouldContain("@");
        sql.ShouldNotContain("secret");
        sql.ShouldNotContain(" 3");
    }

    [Fact]
    public async Task Probes_TotalCountNotSelected_RunsNoCount()
    {
        factory.Sql.Clear();

        await factory.CreateGqlClient().QueryAsync("{ probes { nodes { name } } }");

        factory.Sql.Commands.ShouldNotContain(c => c.Contains("count(", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Probes_OnlyTotalCountSelected_ReadsNoRows()
    {
        factory.Sql.Clear();

        var data = await factory.CreateGqlClient().QueryAsync("{ probes(where: { kind: { eq: RED } }) { totalCount } }");

        data["probes"]!["totalCount"]!.GetValue<int>().ShouldBe(2);
        factory.Sql.Commands.ShouldHaveSingleItem().ShouldContain("count(");
    }

    [Fact]
    public async Task Probes_TotalCountSelected_CountsFilteredRows()
    {
        var data = await factory.CreateGqlClient().QueryAsync("{ probes(where: { kind: { eq: RED } }, first: 1) { totalCount nodes { name } } }");

        data["probes"]!["totalCount"]!.GetValue<int>().ShouldBe(2);
        data["probes"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Probes_DateTime_SerializedAsUtcWithMilliseconds()
    {
        var data = await factory.CreateGqlClient().QueryAsync("""{ probes(where: { name: { eq: "foxtrot" } }) { nodes { seenAt day size ref } } }""");

        var node = data["probes"]!["nodes"]![0]!;
        node["seenAt"]!.GetValue<string>().ShouldBe("2024-06-01T12:30:00.123Z");
        node["day"]!.GetValue<string>().ShouldBe("2024-06-01");
        node["ref"]!.GetValue<string>().ShouldBe(R3);
    }
}
