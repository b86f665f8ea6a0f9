using LicenseManager.Subscriptions.Domain;

namespace LicenseManager.UnitTests.Subscriptions;

public sealed class RenewalChainTests
{
    private static readonly DateTimeOffset Y2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void ChainOfThree_PriorRenewalsOldestFirst_FurthestExpirationAtTheEnd()
    {
        var ab = new RenewalLink(Guid.NewGuid(), A, B, Y2026.AddYears(1), Y2026.AddYears(2), Processed: true);
        var bc = new RenewalLink(Guid.NewGuid(), B, C, Y2026.AddYears(2), Y2026.AddYears(3), Processed: false);
        var chain = new RenewalChain([bc, ab], new Dictionary<Guid, DateTimeOffset> { [A] = Y2026.AddYears(1), [B] = Y2026.AddYears(2), [C] = Y2026.AddYears(3).AddDays(5) });

        chain.PriorRenewals(C).ShouldBe([ab, bc]);
        chain.PriorRenewals(A).ShouldBeEmpty();
        chain.RenewalOf(A).ShouldBe(ab);
        chain.RenewalOf(C).ShouldBeNull();
        // The future plan's own expiration counts when it was moved beyond the renewal's date.
        chain.FurthestExpiration(A, Y2026.AddYears(1)).ShouldBe(Y2026.AddYears(3).AddDays(5));
        chain.FurthestExpiration(C, Y2026.AddYears(3).AddDays(5)).ShouldBe(Y2026.AddYears(3).AddDays(5));
    }

    [Fact]
    public void UnprocessedRenewalWithoutFuturePlan_CountsItsRenewedExpiration()
    {
        var renewal = new RenewalLink(Guid.NewGuid(), A, null, Y2026.AddYears(1), Y2026.AddYears(2), Processed: false);
        var chain = new RenewalChain([renewal], new Dictionary<Guid, DateTimeOffset> { [A] = Y2026.AddYears(1) });

        chain.FurthestExpiration(A, Y2026.AddYears(1)).ShouldBe(Y2026.AddYears(2));
    }

    [Theory]
    [InlineData(-12.001, false)]
    [InlineData(-12, true)]    // the window opens 12 hours before the effective date
    [InlineData(-1, true)]
    [InlineData(5, true)]      // past the date and still unprocessed: still locked
    public void IsLockedForRenewalProcessing_TwelveHoursBeforeEffectiveDate(double hoursFromEffective, bool expected)
    {
        var effective = Y2026.AddYears(1);
        var chain = new RenewalChain([new RenewalLink(Guid.NewGuid(), A, null, effective, effective.AddYears(1), Processed: false)], new Dictionary<Guid, DateTimeOffset>());

        chain.IsLockedForRenewalProcessing(A, effective.AddHours(hoursFromEffective)).ShouldBe(expected);
        chain.IsLockedForRenewalProcessing(B, effective).ShouldBeFalse();
    }

    [Fact]
    public void ProcessedRenewal_DoesNotLock()
    {
        var effective = Y2026.AddYears(1);
        var chain = new RenewalChain([new RenewalLink(Guid.NewGuid(), A, B, effective, effective.AddYears(1), Processed: true)], new Dictionary<Guid, DateTimeOffset>());

        chain.IsLockedForRenewalProcessing(A, effective).ShouldBeFalse();
    }
}
