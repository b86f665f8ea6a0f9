namespace LicenseManager.Platform.Gql.Paging;

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed record Edge<T>(string Cursor, T Node);

/// <summary>One page of a cursor connection; <see cref="TotalCount"/> is only computed when selected.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int? TotalCount)
{
    public static Connection<T> Empty(int? totalCount) => new([], new PageInfo(false, false, null, null), totalCount);
}
