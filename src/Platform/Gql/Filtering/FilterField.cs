using System.Linq.Expressions;

namespace LicenseManager.Platform.Gql.Filtering;

/// <summary>One filterable field: its GraphQL name and the entity expression it filters on.</summary>
public sealed record FilterField(string Name, LambdaExpression Selector)
{
    /// <summary>A string compared case-insensitively (see <c>EntityConventions.IgnoreCase</c>).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>With <see cref="IgnoreCase"/>: the column holds lower-cased text only, so substring operations use LIKE.</summary>
    public bool StoredLowerCase { get; init; }

    public Type ValueType => Selector.ReturnType;

    /// <summary>The type without <see cref="Nullable{T}"/>: what picks the operation input.</summary>
    public Type UnderlyingType => Nullable.GetUnderlyingType(ValueType) ?? ValueType;
}

/// <summary>One sortable field, and the index declared to serve orders led by it.</summary>
public sealed record SortField(string Name, LambdaExpression Selector)
{
    public string? Index { get; init; }

    public Type ValueType => Selector.ReturnType;
}
