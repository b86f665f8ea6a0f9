namespace LicenseManager.IntegrationTests.Platform;

/// <summary>
/// Connection queries are built per request from expression trees (filter, keyset ranges, order); client
/// values go in as parameters, so the same shape with other values hits EF's compiled-query cache.
/// </summary>
public sealed class QueryCacheTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>
{
    [Theory]
    [InlineData("""probes(where: { name: { startsWith: "%s" }, rank: { gt: 0 } }, order: [{ rank: DESC }], first: 2)""", "a b d e")]
    [InlineData("""probes(where: { nicknameCi: { contains: "%s" } }, first: 2) { totalCount }""", "a b c de")]
    // Rows with a seenAt and others after them: the page after a cursor is always the two-range shape.
    [InlineData("""probes(where: { name: { in: ["%s", "charlie"] } }, order: [{ seenAt: ASC }], first: 1)""", "alpha bravo delta echo")]
    public async Task SameShapeOtherValues_CompiledOnce(string field, string values)
    {
        var client = factory.CreateGqlClient();
        async Task<string?> PageAsync(string value, string? after)
        {
            var text = field.Replace("%s", value, StringComparison.Ordinal);
            var withCursor = after is null ? text : text.Replace("first:", $"after: \"{after}\", first:", StringComparison.Ordinal);
            var selection = text.Contains("totalCount", StringComparison.Ordinal) ? string.Empty : " { pageInfo { endCursor } }";
            var data = await client.QueryAsync($"{{ {withCursor}{selection} }}");
            return data["probes"]?["pageInfo"]?["endCursor"]?.GetValue<string?>();
        }

        // Warm: first page and a page after a cursor (the keyset shape), compiled once each.
        var first = values.Split(' ')[0];
        var cursor = await PageAsync(first, null);
        await PageAsync(first, cursor);
        var compiled = factory.Compilations.Count;
        compiled.ShouldBeGreaterThan(0);

        foreach (var value in values.Split(' ').Skip(1))
        {
            var next = await PageAsync(value, null);
            await PageAsync(value, next ?? cursor);
        }

        factory.Compilations.Count.ShouldBe(compiled);
    }
}
