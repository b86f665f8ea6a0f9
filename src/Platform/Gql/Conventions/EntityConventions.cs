using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Filtering;

namespace LicenseManager.Platform.Gql.Conventions;

/// <summary>
/// What a list of <typeparamref name="T"/> offers clients: the filterable and sortable fields and the
/// unique key that breaks ties (and makes keyset cursors total). Declared once per entity by a module;
/// the Platform derives <c>{Name}FilterInput</c>, <c>{Name}SortInput</c> and the paging from it.
/// </summary>
public sealed class EntityConventions<T>(string name, Expression<Func<T, Guid>> key)
{
    private readonly List<FilterField> _filters = [];
    private readonly List<SortField> _sorts = [];

    public string Name { get; } = name;

    public Expression<Func<T, Guid>> Key { get; } = key;

    public IReadOnlyList<FilterField> Filters => _filters;

    public IReadOnlyList<SortField> Sorts => _sorts;

    /// <summary>Clients may filter on <paramref name="field"/>.</summary>
    public EntityConventions<T> Filter<TValue>(string field, Expression<Func<T, TValue>> selector)
    {
        _filters.Add(new FilterField(field, selector));
        return this;
    }

    /// <summary>Clients may sort on <paramref name="field"/>.</summary>
    public EntityConventions<T> Sort<TValue>(string field, Expression<Func<T, TValue>> selector)
    {
        _sorts.Add(new SortField(field, selector));
        return this;
    }

    /// <summary>Clients may filter and sort on <paramref name="field"/>.</summary>
    public EntityConventions<T> FilterAndSort<TValue>(string field, Expression<Func<T, TValue>> selector) =>
        Filter(field, selector).Sort(field, selector);
}
