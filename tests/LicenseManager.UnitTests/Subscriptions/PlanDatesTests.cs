using LicenseManager.Subscriptions.Domain;

namespace LicenseManager.UnitTests.Subscriptions;

public sealed class PlanDatesTests
{
    private static readonly DateTimeOffset Expiration = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-48, 2)]      // two days before
    [InlineData(-24.001, 1)]  // just over a day before
    [InlineData(-24, 1)]      // exactly a day before
    [InlineData(-23.999, 0)]  // less than a day before: floored to 0
    [InlineData(0, 0)]        // at the instant of expiration
    [InlineData(0.001, -1)]   // a moment after: floored like timedelta.days
    [InlineData(24, -1)]
    [InlineData(24.001, -2)]
    public void DaysUntil_FloorsWholeDays(double hoursFromExpiration, int expected) =>
        PlanDates.DaysUntil(Expiration.AddHours(hoursFromExpiration), Expiration).ShouldBe(expected);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]     // start is inclusive
    [InlineData(100, true)]
    [InlineData(240, true)]   // expiration is inclusive
    [InlineData(240.001, false)]
    public void IsCurrent_BothEndsInclusive(double hoursFromStart, bool expected)
    {
        var start = Expiration.AddHours(-240);
        PlanDates.IsCurrent(start.AddHours(hoursFromStart), start, Expiration).ShouldBe(expected);
    }
}
