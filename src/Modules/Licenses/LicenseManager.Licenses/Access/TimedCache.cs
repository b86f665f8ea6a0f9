using System.Collections.Concurrent;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// Entries live for a fixed duration measured on the injected clock (so tests move time instead of sleeping);
/// misses are loaded together in one call. Bounded: past <see cref="MaxEntries"/> the cache starts over.
/// </summary>
internal sealed class TimedCache<TKey, TValue>(TimeProvider clock, TimeSpan duration)
    where TKey : notnull
{
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();

    public async Task<IReadOnlyDictionary<TKey, TValue>> GetManyAsync(
        IReadOnlyCollection<TKey> keys, Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TValue>>> load, Func<TKey, TValue> absent)
    {
        var now = clock.GetUtcNow();
        var result = new Dictionary<TKey, TValue>(keys.Count);
        List<TKey>? missing = null;
        foreach (var key in keys)
        {
            if (duration > TimeSpan.Zero && _entries.TryGetValue(key, out var entry) && entry.Expires > now)
            {
                result[key] = entry.Value;
            }
            else if (!result.ContainsKey(key))
            {
                (missing ??= []).Add(key);
            }
        }

        if (missing is null)
        {
            return result;
        }

        var loaded = await load(missing.Distinct().ToList());
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        foreach (var key in missing)
        {
            var value = loaded.TryGetValue(key, out var found) ? found : absent(key);
            result[key] = value;
            if (duration > TimeSpan.Zero)
            {
                _entries[key] = (value, now + duration);
            }
        }

        return result;
    }
}
