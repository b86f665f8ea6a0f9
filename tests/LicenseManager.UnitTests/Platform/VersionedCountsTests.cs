using LicenseManager.Platform.Gql.Paging;

namespace LicenseManager.UnitTests.Platform;

/// <summary>The cache key of a filtered count: equal only for filters that select the same rows.</summary>
public sealed class VersionedCountsTests
{
    private enum Status
    {
        Unassigned,
        Assigned,
    }

    private enum Other
    {
        First,
        Second,
    }

    private static Dictionary<string, object?> Where(params (string Key, object? Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void FieldOrder_DoesNotMatter()
    {
        var a = Where(("status", Where(("eq", Status.Assigned))), ("userEmail", Where(("contains", "corp"))));
        var b = Where(("userEmail", Where(("contains", "corp"))), ("status", Where(("eq", Status.Assigned))));

        VersionedCounts.Canonical(a).ShouldBe(VersionedCounts.Canonical(b));
    }

    [Fact]
    public void DifferentValuesOperationsAndNulls_AreDifferentKeys()
    {
        string[] keys =
        [
            VersionedCounts.Canonical(null),
            VersionedCounts.Canonical(Where(("userEmail", Where(("contains", "corp"))))),
            VersionedCounts.Canonical(Where(("userEmail", Where(("contains", "Corp"))))),
            VersionedCounts.Canonical(Where(("userEmail", Where(("startsWith", "corp"))))),
            VersionedCounts.Canonical(Where(("userEmail", Where(("eq", null))))),
            VersionedCounts.Canonical(Where(("status", Where(("eq", Status.Assigned))))),
            VersionedCounts.Canonical(Where(("status", Where(("eq", Other.Second))))),
            VersionedCounts.Canonical(Where(("status", Where(("in", new List<object?> { Status.Assigned, Status.Unassigned }))))),
            VersionedCounts.Canonical(Where(("status", Where(("in", new List<object?> { Status.Assigned }))))),
            VersionedCounts.Canonical(Where(("size", Where(("eq", 1))))),
            VersionedCounts.Canonical(Where(("size", Where(("eq", "1"))))),
        ];

        keys.Distinct().Count().ShouldBe(keys.Length, string.Join('\n', keys));
    }
}
