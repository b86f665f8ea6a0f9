using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Sorting;

public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>Hot Chocolate's <c>enum SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", SortDirection.Ascending);
        Add("DESC", SortDirection.Descending);
    }
}
