using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LicenseManager.Platform.Gql.Sorting;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// Keyset paging over an ordered query: <c>first/after</c> reads forward, <c>last/before</c> reads the
/// reversed order and flips the rows back. One extra row tells whether another page exists.
/// </summary>
public sealed class KeysetPager<T>(IReadOnlyList<SortKey> keys, PagingArguments arguments, PagingOptions options)
{
    // Selectors are declared once per entity, so their compiled readers are cached for every request.
    private static readonly ConditionalWeakTable<LambdaExpression, Func<T, object?>> Readers = new();

    private readonly Func<T, object?>[] _readers = keys.Select(k => Readers.GetValue(k.Selector, _ => Compile(k))).ToArray();

    public IReadOnlyList<SortKey> ReadOrder { get; } = arguments.Backward ? keys.Select(k => k.Reversed()).ToList() : keys;

    public int Take => arguments.Size(options) + 1;

    private object?[]? _after;
    private object?[]? _before;
    private bool _decoded;

    /// <summary>Decodes the cursors, so a bad one fails the field (HC0078) before any SQL runs.</summary>
    public void Validate()
    {
        if (_decoded)
        {
            return;
        }

        _after = arguments.After is { } after ? CursorCodec.Decode(keys, after) : null;
        _before = arguments.Before is { } before ? CursorCodec.Decode(keys, before) : null;
        _decoded = true;
    }

    /// <summary>
    /// The page's rows in <see cref="ReadOrder"/>, at most <see cref="Take"/>: an index range from the start
    /// cursor (<c>after</c> forward, <c>before</c> backward). When the leading key is nullable and both its NULLs
    /// and values lie ahead, two ranges each limited to <see cref="Take"/> rows, joined by <c>UNION ALL</c>
    /// and cut again: at most 2 × (n + 1) rows are read, however deep the page.
    /// </summary>
    public IQueryable<T> Page(IQueryable<T> rows)
    {
        Validate();
        var reversed = keys.Select(k => k.Reversed()).ToList();
        var (start, far, farKeys) = arguments.Backward ? (_before, _after, (IReadOnlyList<SortKey>)keys) : (_after, _before, reversed);
        // Row comparisons need PostgreSQL (through EF); in-memory queries (unit tests) get the OR chain.
        var rowComparison = rows.Provider is Microsoft.EntityFrameworkCore.Query.IAsyncQueryProvider;
        if (far is not null)
        {
            // The far end only filters (first + after + before together is rare and needs no range).
            rows = rows.Where(KeysetPredicate.After<T>(farKeys, far, rowComparison));
        }

        if (start is null)
        {
            return SortParser.Apply(rows, ReadOrder).Take(Take);
        }

        var ranges = KeysetPredicate.Ranges<T>(ReadOrder, start, rowComparison);
        IQueryable<T>? pages = null;
        foreach (var range in ranges)
        {
            var page = SortParser.Apply(rows.Where(range), ReadOrder).Take(Take);
            pages = pages is null ? page : pages.Concat(page);
        }

        return ranges.Count == 1 ? pages! : SortParser.Apply(pages!, ReadOrder).Take(Take);
    }

    public async Task<Connection<T>> ReadAsync(IQueryable<T> query, int? totalCount, CancellationToken cancellationToken)
    {
        var rows = await Page(query).ToListAsync(cancellationToken);
        return ToConnection(rows, totalCount);
    }

    /// <summary>Builds the page from rows read in <see cref="ReadOrder"/>, at most <see cref="Take"/> of them.</summary>
    public Connection<T> ToConnection(IReadOnlyList<T> rows, int? totalCount)
    {
        var size = arguments.Size(options);
        var more = rows.Count > size;
        var page = rows.Take(size).ToList();
        if (arguments.Backward)
        {
            page.Reverse();
        }

        if (arguments.First is not null && arguments.Last is { } last && page.Count > last)
        {
            page = page.Skip(page.Count - last).ToList();
        }

        var edges = page.Select(row => new Edge<T>(CursorCodec.Encode(keys, _readers.Select(r => r(row)).ToArray()), row)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: arguments.Backward ? arguments.Before is not null : more,
            HasPreviousPage: arguments.Backward ? more : arguments.After is not null,
            edges.FirstOrDefault()?.Cursor,
            edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, totalCount);
    }

    private static Func<T, object?> Compile(SortKey key)
    {
        var parameter = key.Selector.Parameters[0];
        var body = Expression.Convert(key.Selector.Body, typeof(object));
        return Expression.Lambda<Func<T, object?>>(body, parameter).Compile();
    }
}
