using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Filtering;

namespace LicenseManager.UnitTests.Platform;

public sealed class FilterTranslatorTests
{
    private sealed record Row(Guid Id, string Name, string? Nickname, int? Rank);

    private static readonly EntityConventions<Row> Conventions = new EntityConventions<Row>("Row", r => r.Id)
        .Filter("name", r => r.Name)
        .Filter("nickname", r => r.Nickname)
        .Filter("rank", r => r.Rank);

    private static readonly Row[] Rows =
    [
        new(Guid.NewGuid(), "a", "A", 1),
        new(Guid.NewGuid(), "b", null, null),
        new(Guid.NewGuid(), "c", "C", 3),
    ];

    [Fact]
    public void Translate_NoFilter_ReturnsNull() =>
        new FilterTranslator<Row>(Conventions).Translate(null).ShouldBeNull();

    [Fact]
    public void Translate_FieldSetToNull_IsIgnored() =>
        new FilterTranslator<Row>(Conventions).Translate(Map(("name", null))).ShouldBeNull();

    [Fact]
    public void Translate_EqNull_MeansIsNull() =>
        Names(Map(("nickname", Map(("eq", null))))).ShouldBe(["b"]);

    [Fact]
    public void Translate_NeqNull_MeansIsNotNull() =>
        Names(Map(("rank", Map(("neq", null))))).ShouldBe(["a", "c"]);

    [Fact]
    public void Translate_TwoFields_AreAnded() =>
        Names(Map(("rank", Map(("gte", 1))), ("name", Map(("neq", "a"))))).ShouldBe(["c"]);

    [Fact]
    public void Translate_OrOfAnds_Nests() =>
        Names(Map(("or", new List<object?> { Map(("name", Map(("eq", "a")))), Map(("and", new List<object?> { Map(("rank", Map(("eq", null)))) })) }))).ShouldBe(["a", "b"]);

    [Fact]
    public void Translate_InWithConvertedNumbers_MatchesMembers() =>
        Names(Map(("rank", Map(("in", new List<object?> { 1L, 3L }))))).ShouldBe(["a", "c"]);

    [Fact]
    public void Translate_UndeclaredField_Throws() =>
        Should.Throw<InvalidOperationException>(() => new FilterTranslator<Row>(Conventions).Translate(Map(("id", Map(("eq", "x"))))));

    private static List<string> Names(Dictionary<string, object?> where) =>
        Rows.AsQueryable().Where(new FilterTranslator<Row>(Conventions).Translate(where)!).Select(r => r.Name).ToList();

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
