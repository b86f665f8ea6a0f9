using LicenseManager.Platform.Gql.Loading;

namespace LicenseManager.UnitTests.Platform;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task GetResultAsync_KeysLoadedBeforeDispatch_FetchedInOneCall()
    {
        var calls = new List<IReadOnlyList<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            calls.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"v{k}"));
        });

        var results = new[] { loader.Load(1), loader.Load(2), loader.Load(2), loader.Load(3) };
        var values = new List<string?>();
        foreach (var result in results)
        {
            values.Add(await result.GetResultAsync());
        }

        values.ShouldBe(["v1", "v2", "v2", "v3"]);
        calls.ShouldHaveSingleItem().ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task GetResultAsync_KeyLoadedAfterDispatch_GoesToNextBatch()
    {
        var calls = 0;
        var loader = new BatchLoader<int, int>((keys, _) =>
        {
            calls++;
            return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10));
        });

        (await loader.Load(1).GetResultAsync()).ShouldBe(10);
        (await loader.Load(2).GetResultAsync()).ShouldBe(20);

        calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetResultAsync_MissingKey_ReturnsDefault()
    {
        var loader = new BatchLoader<int, string>((_, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(new Dictionary<int, string>()));

        (await loader.Load(7).GetResultAsync()).ShouldBeNull();
    }
}
