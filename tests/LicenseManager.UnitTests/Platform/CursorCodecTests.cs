using GraphQL;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Sorting;
using SortDirection = LicenseManager.Platform.Gql.Sorting.SortDirection;

namespace LicenseManager.UnitTests.Platform;

public sealed class CursorCodecTests
{
    private sealed record Row(Guid Id, string? Title, int Rank);

    private static readonly EntityConventions<Row> Conventions = new EntityConventions<Row>("Row", r => r.Id)
        .Sort("title", r => r.Title)
        .Sort("rank", r => r.Rank);

    [Fact]
    public void Decode_EncodedValues_RoundTrips()
    {
        var keys = SortParser.Parse(Conventions, Order(("title", SortDirection.Descending)));
        var id = Guid.CreateVersion7();

        var values = CursorCodec.Decode(keys, CursorCodec.Encode(keys, ["Zed", id]));

        values.ShouldBe(new object?[] { "Zed", id });
    }

    [Fact]
    public void Decode_NullSortValue_RoundTripsAsNull()
    {
        var keys = SortParser.Parse(Conventions, Order(("title", SortDirection.Ascending)));

        var values = CursorCodec.Decode(keys, CursorCodec.Encode(keys, [null, Guid.Empty]));

        values[0].ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("WzEsMl0=")] // [1,2]
    [InlineData("eyJhIjoxfQ==")] // {"a":1}
    public void Decode_Garbage_ThrowsHC0078(string cursor)
    {
        var keys = SortParser.Parse(Conventions, null);

        var error = Should.Throw<ExecutionError>(() => CursorCodec.Decode(keys, cursor));

        error.Code.ShouldBe("HC0078");
    }

    [Fact]
    public void Decode_CursorOfAnotherOrdering_ThrowsHC0078()
    {
        var byTitle = SortParser.Parse(Conventions, Order(("title", SortDirection.Ascending)));
        var byRank = SortParser.Parse(Conventions, Order(("rank", SortDirection.Ascending)));

        var error = Should.Throw<ExecutionError>(() => CursorCodec.Decode(byRank, CursorCodec.Encode(byTitle, ["a", Guid.Empty])));

        error.Code.ShouldBe("HC0078");
    }

    [Fact]
    public void Parse_AnyOrder_EndsWithIdTieBreaker()
    {
        var keys = SortParser.Parse(Conventions, Order(("rank", SortDirection.Descending), ("title", SortDirection.Ascending)));

        keys.Select(k => (k.Name, k.Descending)).ShouldBe([("rank", true), ("title", false), ("id", false)]);
    }

    internal static List<object> Order(params (string Field, SortDirection Direction)[] fields) =>
        fields.Select(f => (object)new Dictionary<string, object?> { [f.Field] = f.Direction }).ToList();
}
