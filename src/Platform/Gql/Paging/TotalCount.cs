using GraphQL;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>What a root connection's count strategy is asked: the field, its DbContext and the client's raw <c>where</c>.</summary>
public sealed record CountRequest<TDb>(IResolveFieldContext Context, TDb Db, IDictionary<string, object?>? Where)
{
    /// <summary>The field's filtered rows (an <c>IQueryable&lt;T&gt;</c> of the node entity), e.g. for <see cref="VersionedCounts"/>.</summary>
    public IQueryable? Rows { get; init; }
}

/// <summary>What a batched (per-parent) connection's count strategy is asked: the parents' keys among them.</summary>
public sealed record BatchedCountRequest<TDb, TKey>(TDb Db, IReadOnlyList<TKey> Keys, IDictionary<string, object?>? Where)
    where TKey : notnull;

/// <summary>
/// How a connection field answers <c>totalCount</c>, declared per field. The default is an exact
/// <c>COUNT(*)</c> over the filtered rows, run only when <c>totalCount</c> is selected. On a big table give
/// the field a strategy that answers the common cases from something cheap and exact (a counter the module
/// maintains in the same transaction as the rows, a small grouped table) and returns null for the rest,
/// which then fall back to the exact <c>COUNT(*)</c>: the schema's promise of an exact count is kept.
/// </summary>
public static class TotalCount
{
    /// <summary>A root field's strategy: a count, or null for "count the rows".</summary>
    public delegate Task<int?> Root<TDb>(CountRequest<TDb> request, CancellationToken cancellationToken);

    /// <summary>A batched field's strategy: a count per parent key, or null for "count the rows" (all keys).</summary>
    public delegate Task<IReadOnlyDictionary<TKey, int>?> Batched<TDb, TKey>(BatchedCountRequest<TDb, TKey> request, CancellationToken cancellationToken)
        where TKey : notnull;

    /// <summary>
    /// Unfiltered lists (no <c>where</c>) are answered by <paramref name="counter"/>; filtered ones count their rows.
    /// </summary>
    public static Root<TDb> WhenUnfiltered<TDb>(Func<IResolveFieldContext, TDb, CancellationToken, Task<int>> counter) =>
        async (request, cancellationToken) => IsUnfiltered(request.Where)
            ? await counter(request.Context, request.Db, cancellationToken)
            : null;

    /// <summary>Per-parent counters (e.g. a parent's maintained count column) for unfiltered lists.</summary>
    public static Batched<TDb, TKey> WhenUnfiltered<TDb, TKey>(Func<TDb, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, int>>> counter)
        where TKey : notnull =>
        async (request, cancellationToken) => IsUnfiltered(request.Where)
            ? await counter(request.Db, request.Keys, cancellationToken)
            : null;

    /// <summary>No <c>where</c>, or one whose every field is null (which filters nothing).</summary>
    public static bool IsUnfiltered(IDictionary<string, object?>? where) => where is null || where.Values.All(v => v is null);
}
