using LicenseManager.Licenses.Domain;

namespace LicenseManager.UnitTests.Licenses;

public sealed class RevocationCapTests
{
    [Theory]
    [InlineData(100, 7, 7)] // the reference's float arithmetic gave 8
    [InlineData(100, 5, 5)]
    [InlineData(20, 5, 1)]
    [InlineData(21, 5, 2)] // 1.05 rounds up
    [InlineData(1, 1, 1)]
    [InlineData(0, 5, 0)]
    [InlineData(1_000_000, 100, 1_000_000)]
    [InlineData(1_000_000, 0, 0)]
    [InlineData(3, 33, 1)] // 0.99 rounds up to 1
    [InlineData(300, 33, 99)]
    public void Allowed_IsExactIntegerCeiling(long live, int percentage, long expected) =>
        RevocationCap.Allowed(live, percentage).ShouldBe(expected);

    [Fact]
    public void Remaining_PercentageLoweredAfterRevocations_GoesNegative() =>
        RevocationCap.Remaining(100, 2, applied: 5).ShouldBe(-3);
}
