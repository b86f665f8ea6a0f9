using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Sorting;
using SortDirection = LicenseManager.Platform.Gql.Sorting.SortDirection;

namespace LicenseManager.UnitTests.Platform;

/// <summary>Keyset paging run in memory over LINQ to objects (non-null keys: in-memory null order differs from PostgreSQL's).</summary>
public sealed class KeysetTests
{
    private sealed record Row(Guid Id, int Group, long Size);

    private static readonly EntityConventions<Row> Conventions = new EntityConventions<Row>("Row", r => r.Id)
        .Sort("group", r => r.Group)
        .Sort("size", r => r.Size);

    private static readonly List<Row> Rows = Enumerable.Range(0, 23)
        .Select(i => new Row(Guid.CreateVersion7(), i % 3, i % 4))
        .ToList();

    [Theory]
    [InlineData(SortDirection.Ascending, SortDirection.Descending, 4)]
    [InlineData(SortDirection.Descending, SortDirection.Ascending, 5)]
    [InlineData(SortDirection.Descending, SortDirection.Descending, 1)]
    public void Pages_WalkedForwardAndBackward_CoverEveryRowOnceInOrder(SortDirection group, SortDirection size, int pageSize)
    {
        var keys = SortParser.Parse(Conventions, CursorCodecTests.Order(("group", group), ("size", size)));
        var expected = SortParser.Apply(Rows.AsQueryable(), keys).Select(r => r.Id).ToList();

        var forward = new List<Guid>();
        string? after = null;
        do
        {
            var page = Read(keys, new PagingArguments(pageSize, after, null, null));
            forward.AddRange(page.Edges.Select(e => e.Node.Id));
            after = page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null;
        }
        while (after is not null);

        var backward = new List<Guid>();
        string? before = null;
        do
        {
            var page = Read(keys, new PagingArguments(null, null, pageSize, before));
            backward.InsertRange(0, page.Edges.Select(e => e.Node.Id));
            before = page.PageInfo.HasPreviousPage ? page.PageInfo.StartCursor : null;
        }
        while (before is not null);

        forward.ShouldBe(expected);
        backward.ShouldBe(expected);
    }

    [Fact]
    public void After_NullValueAscending_OnlyLaterNullsFollow()
    {
        var keys = new List<SortKey>
        {
            new("title", (System.Linq.Expressions.Expression<Func<Titled, string?>>)(t => t.Title), false),
            new("id", (System.Linq.Expressions.Expression<Func<Titled, int>>)(t => t.Id), false),
        };
        var rows = new[] { new Titled(1, "a"), new Titled(2, null), new Titled(3, null), new Titled(4, "b") };

        var after = rows.AsQueryable().Where(KeysetPredicate.After<Titled>(keys, [null, 2])).Select(t => t.Id).ToList();

        after.ShouldBe([3]);
    }

    [Fact]
    public void After_NullValueDescending_EveryNonNullFollows()
    {
        var keys = new List<SortKey>
        {
            new("title", (System.Linq.Expressions.Expression<Func<Titled, string?>>)(t => t.Title), true),
            new("id", (System.Linq.Expressions.Expression<Func<Titled, int>>)(t => t.Id), false),
        };
        var rows = new[] { new Titled(1, "a"), new Titled(2, null), new Titled(3, null), new Titled(4, "b") };

        var after = rows.AsQueryable().Where(KeysetPredicate.After<Titled>(keys, [null, 3])).Select(t => t.Id).ToList();

        after.ShouldBe([1, 4]);
    }

    private static Connection<Row> Read(IReadOnlyList<SortKey> keys, PagingArguments arguments)
    {
        var pager = new KeysetPager<Row>(keys, arguments, new PagingOptions());
        var rows = pager.Page(Rows.AsQueryable()).ToList();
        return pager.ToConnection(rows, null);
    }

    public sealed record Titled(int Id, string? Title);
}
