using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// Exact <c>totalCount</c>s of filtered lists on big tables, cheap when repeated. A count is cached per
/// (scope, canonical filter) with the scope's version read in the same statement (one snapshot); a request
/// reads the current version (one primary-key read) and uses the cached count only when it is the same
/// version, else counts again. The module keeps the version: a stamp renewed in the same transaction by every
/// statement that changes the scope's rows (e.g. a statement trigger stamping the parent's counter row from a
/// sequence). So the count is exact on every instance, never stale; an instance only saves work.
/// <para>
/// The scope must fix the rows completely for every caller that reaches this: check the caller's access to the
/// scope before (a caller that may not see the rows gets its answer elsewhere, never from the cache).
/// </para>
/// </summary>
public sealed class VersionedCounts
{
    /// <summary>Entries kept; a flood of distinct filters just starts the cache over (an entry is ~100 bytes).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <param name="scope">What the version covers, e.g. <c>licenses:plan:&lt;id&gt;</c>.</param>
    /// <param name="version">The scope's version: at most one row, read by primary key.</param>
    /// <param name="rows">The filtered rows to count, from the same DbContext as <paramref name="version"/>.</param>
    /// <param name="where">The client's <c>where</c> that filtered <paramref name="rows"/> (its canonical form keys the entry).</param>
    public async Task<int> CountAsync<T>(
        string scope, IQueryable<long> version, IQueryable<T> rows, IDictionary<string, object?>? where, CancellationToken cancellationToken)
    {
        var key = scope + "\n" + Canonical(where);
        if (_entries.TryGetValue(key, out var cached))
        {
            var current = await version.Select(v => (long?)v).FirstOrDefaultAsync(cancellationToken);
            if (current == cached.Version)
            {
                return cached.Count;
            }
        }

        // The version and the count in one statement: one snapshot, so the count is the rows of that version.
        var counted = await version.Select(v => new Entry(v, rows.Count())).FirstOrDefaultAsync(cancellationToken);
        if (counted is null)
        {
            // No version yet (the scope never had rows): nothing to validate an entry with.
            return await rows.CountAsync(cancellationToken);
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[key] = counted;
        return counted.Count;
    }

    /// <summary>
    /// The filter as text that two filters share only when they select the same rows: object fields sorted by
    /// name (their order means nothing), lists in order, nulls kept (<c>eq: null</c> is a filter).
    /// </summary>
    public static string Canonical(IDictionary<string, object?>? where)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, where);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case IDictionary<string, object?> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Enum member:
                // By type and name: two enums' equal numbers are different filters.
                writer.WriteStringValue($"{member.GetType().Name}.{member}");
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }

    private sealed record Entry(long Version, int Count);
}
