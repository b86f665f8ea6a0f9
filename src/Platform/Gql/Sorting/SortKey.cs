using System.Collections;
using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Sorting;

/// <summary>One key of an ordering: a selector and its direction.</summary>
public sealed record SortKey(string Name, LambdaExpression Selector, bool Descending)
{
    public SortKey Reversed() => this with { Descending = !Descending };
}

/// <summary>Parses <c>order: [XSortInput!]</c> into keys; list order is precedence and the id always ends the list.</summary>
public static class SortParser
{
    public const string KeyName = "id";

    public static IReadOnlyList<SortKey> Parse<T>(EntityConventions<T> conventions, IEnumerable? order)
    {
        var keys = new List<SortKey>();
        foreach (var item in order?.Cast<IDictionary<string, object?>>() ?? [])
        {
            foreach (var (name, value) in item)
            {
                if (value is not SortDirection direction || keys.Any(k => k.Name == name))
                {
                    continue;
                }

                var field = conventions.Sorts.First(s => s.Name == name);
                keys.Add(new SortKey(name, field.Selector, direction == SortDirection.Descending));
            }
        }

        // The unique tie-breaker makes the order total, which keyset cursors need. It follows the last key's
        // direction, so one plain index (a, id) serves both "a ASC" (read forward) and "a DESC" (read backward);
        // "a DESC, id ASC" would need an index of its own or a sort of every row with the same a.
        keys.Add(new SortKey(KeyName, conventions.Key, Descending: keys.Count > 0 && keys[^1].Descending));
        return keys;
    }

    public static IOrderedQueryable<T> Apply<T>(IQueryable<T> source, IReadOnlyList<SortKey> keys)
    {
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var method = (i == 0, keys[i].Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(T), keys[i].Selector.ReturnType], expression, Expression.Quote(keys[i].Selector));
        }

        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(expression);
    }
}
