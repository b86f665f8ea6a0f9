using LicenseManager.Licenses.Access;
using Microsoft.Extensions.Time.Testing;

namespace LicenseManager.UnitTests.Licenses;

public sealed class CatalogKeyCacheTests
{
    private static readonly Guid Catalog = Guid.NewGuid();

    [Fact]
    public async Task Misses_AreLoadedTogether_HitsAreNotLoadedAgain_UntilTheyExpire()
    {
        var clock = new FakeTimeProvider();
        var cache = new CatalogKeyCache(clock, TimeSpan.FromSeconds(5));
        var loads = new List<string[]>();
        Task<IReadOnlySet<string>> Load(IReadOnlyList<string> keys)
        {
            loads.Add([.. keys]);
            return Task.FromResult<IReadOnlySet<string>>(keys.Where(k => k.StartsWith("in", StringComparison.Ordinal)).ToHashSet());
        }

        var first = await cache.ContainsAsync(Catalog, ["in1", "out1"], Load);
        var second = await cache.ContainsAsync(Catalog, ["out1", "in2", "in1"], Load);
        clock.Advance(TimeSpan.FromSeconds(5));
        var expired = await cache.ContainsAsync(Catalog, ["in1"], Load);

        first.ShouldBe([true, false]);
        second.ShouldBe([false, true, true]);
        expired.ShouldBe([true]);
        loads.Count.ShouldBe(3);
        loads[0].ShouldBe(["in1", "out1"]);
        loads[1].ShouldBe(["in2"]);
        loads[2].ShouldBe(["in1"]);
    }

    [Fact]
    public async Task Catalogs_AreKeptApart_AndNoDurationMeansNoCache()
    {
        var other = Guid.NewGuid();
        var cache = new CatalogKeyCache(new FakeTimeProvider(), TimeSpan.Zero);
        var loaded = 0;
        Task<IReadOnlySet<string>> LoadFor(Guid catalog, IReadOnlyList<string> keys)
        {
            loaded++;
            return Task.FromResult<IReadOnlySet<string>>(catalog == Catalog ? keys.ToHashSet() : new HashSet<string>());
        }

        (await cache.ContainsAsync(Catalog, ["k"], keys => LoadFor(Catalog, keys))).ShouldBe([true]);
        (await cache.ContainsAsync(other, ["k"], keys => LoadFor(other, keys))).ShouldBe([false]);
        (await cache.ContainsAsync(Catalog, ["k"], keys => LoadFor(Catalog, keys))).ShouldBe([true]);
        loaded.ShouldBe(3);
    }
}
