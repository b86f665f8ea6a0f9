using System.Collections.Concurrent;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// Which content keys a catalog holds, per key for <see cref="LicensesOptions.EntitlementCacheDuration"/>, with the
/// misses of one call loaded together. Kept per catalog and keyed by the content key alone: a 20-key check is then
/// twenty string lookups, where (catalog, key) pairs cost four hashes of the pair per key (measured with perf: the
/// pair hashing and the sets built around it were a third of the entitlement check). Bounded like
/// <see cref="TimedCache{TKey,TValue}"/>: past <see cref="TimedCache{TKey,TValue}.MaxEntries"/> keys a catalog
/// starts over.
/// </summary>
internal sealed class CatalogKeyCache(TimeProvider clock, TimeSpan duration)
{
    private const int MaxCatalogs = 10_000;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, (bool Contained, DateTimeOffset Expires)>> _catalogs = new();

    /// <summary>For each of <paramref name="keys"/>, whether <paramref name="catalog"/> holds it.</summary>
    public async Task<bool[]> ContainsAsync(
        Guid catalog, IReadOnlyList<string> keys, Func<IReadOnlyList<string>, Task<IReadOnlySet<string>>> load)
    {
        var now = clock.GetUtcNow();
        var contained = new bool[keys.Count];
        ConcurrentDictionary<string, (bool Contained, DateTimeOffset Expires)>? entries = null;
        List<int>? missing = null;
        if (duration > TimeSpan.Zero)
        {
            if (_catalogs.Count > MaxCatalogs)
            {
                _catalogs.Clear();
            }

            entries = _catalogs.GetOrAdd(catalog, static _ => new(StringComparer.Ordinal));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (entries is not null && entries.TryGetValue(keys[i], out var entry) && entry.Expires > now)
            {
                contained[i] = entry.Contained;
            }
            else
            {
                (missing ??= []).Add(i);
            }
        }

        if (missing is null)
        {
            return contained;
        }

        var found = await load(missing.Select(i => keys[i]).ToList());
        if (entries is not null && entries.Count > TimedCache<int, int>.MaxEntries)
        {
            entries.Clear();
        }

        foreach (var i in missing)
        {
            contained[i] = found.Contains(keys[i]);
            if (entries is not null)
            {
                entries[keys[i]] = (contained[i], now + duration);
            }
        }

        return contained;
    }
}
