using System.Linq.Expressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Loading;
using LicenseManager.Platform.Gql.Sorting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// A connection under each of N parents (<c>catalogs { contentItems(first: 5) }</c>) loaded in one SQL
/// query for the pages and one grouped <c>COUNT</c> when <c>totalCount</c> is selected, whatever N is.
/// The page query is one <c>WHERE parent = @k AND (keyset) ORDER BY … LIMIT n + 1</c> branch per parent,
/// joined by <c>UNION ALL</c>: each branch is an index range scan, so a page costs what its rows cost.
/// (A grouped <c>Take</c>, which EF turns into <c>ROW_NUMBER() OVER (PARTITION BY parent …)</c>, numbers
/// every row of every parent after the cursor: page 1 of a 100,000-item catalog took ~100 ms.)
/// </summary>
public static class BatchedConnectionFields
{
    public static FieldType BatchedConnection<TNodeType, TParent, T, TDb, TKey>(
        this ComplexGraphType<TParent> parent,
        GqlTypes types,
        string name,
        EntityConventions<T> conventions,
        Func<TParent, TKey> parentKey,
        Expression<Func<T, TKey>> foreignKey,
        Func<TDb, IQueryable<T>> source,
        PagingOptions? options = null,
        TotalCount.Batched<TDb, TKey>? totalCount = null)
        where TNodeType : IObjectGraphType
        where TDb : DbContext
        where TKey : notnull
    {
        var paging = options ?? new PagingOptions();
        var field = new FieldType
        {
            Name = name,
            ResolvedType = ConnectionTypes.For<TNodeType, T>(types, name),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var query = ConnectionArguments.Read(context, conventions, paging);
                var loader = BatchLoaders.For<TKey, Connection<T>>(context, (keys, cancellationToken) =>
                    LoadAsync(context.RequestServices!, query, foreignKey, source, totalCount, keys, cancellationToken));
                return loader.Load(parentKey((TParent)context.Source!));
            }),
        };
        ConnectionArguments.Declare(field, types, conventions);
        parent.AddField(field);
        return field;
    }

    private static async Task<IReadOnlyDictionary<TKey, Connection<T>>> LoadAsync<T, TDb, TKey>(
        IServiceProvider services,
        ConnectionArguments.Query<T> query,
        Expression<Func<T, TKey>> foreignKey,
        Func<TDb, IQueryable<T>> source,
        TotalCount.Batched<TDb, TKey>? totalCount,
        IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken)
        where TDb : DbContext
        where TKey : notnull
    {
        var factory = services.GetRequiredService<IDbContextFactory<TDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = query.Apply(source(db));

        IReadOnlyDictionary<TKey, int> totals = new Dictionary<TKey, int>();
        if (query.WantsTotal)
        {
            totals = (totalCount is null ? null : await totalCount(new BatchedCountRequest<TDb, TKey>(db, keys, query.Where), cancellationToken))
                ?? await filtered.Where(InKeys(foreignKey, keys)).GroupBy(foreignKey)
                .Select(g => new KeyValuePair<TKey, int>(g.Key, g.Count()))
                .ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken);
        }

        var byKey = new Dictionary<TKey, List<T>>();
        if (query.WantsRows)
        {
            var pages = await PagesQuery(filtered, query.Pager, foreignKey, keys).ToListAsync(cancellationToken);
            var keyOf = ForeignKeyReaders<T, TKey>.For(foreignKey);
            foreach (var row in pages)
            {
                var key = keyOf(row);
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                }

                list.Add(row);
            }
        }

        var result = new Dictionary<TKey, Connection<T>>();
        foreach (var key in keys)
        {
            int? total = query.WantsTotal ? totals.GetValueOrDefault(key) : null;
            result[key] = query.Pager.ToConnection(byKey.GetValueOrDefault(key) ?? [], total);
        }

        return result;
    }

    private static Expression<Func<T, bool>> InKeys<T, TKey>(Expression<Func<T, TKey>> foreignKey, IReadOnlyList<TKey> keys)
    {
        var list = ExpressionValues.ListParameter(keys, typeof(TKey));
        var contains = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(TKey));
        return Expression.Lambda<Func<T, bool>>(Expression.Call(contains, list, foreignKey.Body), foreignKey.Parameters);
    }

    /// <summary>
    /// One keyset branch per parent, joined by UNION ALL; the outer ORDER BY (over at most N × (n + 1)
    /// rows) keeps each parent's rows in the read order, which UNION ALL alone does not promise.
    /// </summary>
    private static IQueryable<T> PagesQuery<T, TKey>(
        IQueryable<T> rows, KeysetPager<T> pager, Expression<Func<T, TKey>> foreignKey, IReadOnlyList<TKey> keys)
    {
        var parents = keys.Distinct().ToList();
        IQueryable<T>? pages = null;
        foreach (var key in parents)
        {
            var ofParent = Expression.Lambda<Func<T, bool>>(
                Expression.Equal(foreignKey.Body, ExpressionValues.Parameter(key, typeof(TKey))), foreignKey.Parameters);
            var page = pager.Page(rows.Where(ofParent));
            pages = pages is null ? page : pages.Concat(page);
        }

        return parents.Count <= 1
            ? pages ?? rows.Take(0)
            : SortParser.Apply(pages!, [new SortKey("parent", foreignKey, Descending: false), .. pager.ReadOrder]);
    }

    private static class ForeignKeyReaders<T, TKey>
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Expression<Func<T, TKey>>, Func<T, TKey>> Compiled = new();

        public static Func<T, TKey> For(Expression<Func<T, TKey>> foreignKey) => Compiled.GetValue(foreignKey, e => e.Compile());
    }
}
