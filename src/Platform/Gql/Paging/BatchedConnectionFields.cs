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
/// query for the page (<c>ROW_NUMBER() OVER (PARTITION BY parent ORDER BY …)</c>, which EF makes of a
/// grouped <c>Take</c>) and one grouped <c>COUNT</c> when <c>totalCount</c> is selected, whatever N is.
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
        PagingOptions? options = null)
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
                    LoadAsync(context.RequestServices!, query, foreignKey, source, keys, cancellationToken));
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
        IReadOnlyList<TKey> keys,
        CancellationToken cancellationToken)
        where TDb : DbContext
        where TKey : notnull
    {
        var factory = services.GetRequiredService<IDbContextFactory<TDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = query.Apply(source(db)).Where(InKeys(foreignKey, keys));

        var totals = new Dictionary<TKey, int>();
        if (query.WantsTotal)
        {
            totals = await rows.GroupBy(foreignKey)
                .Select(g => new KeyValuePair<TKey, int>(g.Key, g.Count()))
                .ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken);
        }

        var byKey = new Dictionary<TKey, List<T>>();
        if (query.WantsRows)
        {
            var pages = await query.Pager.Restrict(rows).GroupBy(foreignKey)
                .Select(TopRows<T, TKey>(query.Pager))
                .ToListAsync(cancellationToken);
            byKey = pages.ToDictionary(p => p.Key, p => p.Rows);
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

    /// <summary><c>g =&gt; new KeyedRows { Key = g.Key, Rows = g.OrderBy(…).Take(n + 1).ToList() }</c>.</summary>
    private static Expression<Func<IGrouping<TKey, T>, KeyedRows<TKey, T>>> TopRows<T, TKey>(KeysetPager<T> pager)
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, T>), "g");
        var ordered = SortParser.ApplyEnumerable(group, typeof(T), pager.ReadOrder);
        var taken = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(T)], ordered, Expression.Constant(pager.Take));
        var list = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(T)], taken);
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedRows<TKey, T>)),
            Expression.Bind(typeof(KeyedRows<TKey, T>).GetProperty(nameof(KeyedRows<TKey, T>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, T>.Key))),
            Expression.Bind(typeof(KeyedRows<TKey, T>).GetProperty(nameof(KeyedRows<TKey, T>.Rows))!, list));
        return Expression.Lambda<Func<IGrouping<TKey, T>, KeyedRows<TKey, T>>>(body, group);
    }

    private sealed class KeyedRows<TKey, T>
    {
        public TKey Key { get; init; } = default!;

        public List<T> Rows { get; init; } = [];
    }
}
