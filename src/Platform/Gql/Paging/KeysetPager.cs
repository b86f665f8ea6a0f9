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

    /// <summary>The cursor predicates and the read order, without the row limit.</summary>
    public IQueryable<T> Restrict(IQueryable<T> query)
    {
        if (arguments.After is { } after)
        {
            query = query.Where(KeysetPredicate.After<T>(keys, CursorCodec.Decode(keys, after)));
        }

        if (arguments.Before is { } before)
        {
            query = query.Where(KeysetPredicate.After<T>(keys.Select(k => k.Reversed()).ToList(), CursorCodec.Decode(keys, before)));
        }

        return query;
    }

    public async Task<Connection<T>> ReadAsync(IQueryable<T> query, int? totalCount, CancellationToken cancellationToken)
    {
        var rows = await SortParser.Apply(Restrict(query), ReadOrder).Take(Take).ToListAsync(cancellationToken);
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
