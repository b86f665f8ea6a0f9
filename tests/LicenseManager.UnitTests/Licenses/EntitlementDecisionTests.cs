using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Data;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.UnitTests.Licenses;

public sealed class EntitlementDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Catalog = Guid.NewGuid();

    private static PlanTerms Plan(bool active = true, int startDays = -10, int endDays = 10) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Plan", Now.AddDays(startDays), Now.AddDays(endDays), active, Catalog,
        false, 5, false, false, null, false, false);

    private static License Held(LicenseStatus status) => new() { Id = Guid.NewGuid(), Status = status };

    /// <summary>The plan's catalog holds "in" and nothing else (the check takes that answer as a bool).</summary>
    private static bool InCatalog(string key) => key == "in";

    [Fact]
    public void Activated_InEffect_InCatalog_Granted() =>
        Entitlements.Decide(Held(LicenseStatus.Activated), Plan(), InCatalog("in"), Now).ShouldBeNull();

    [Theory]
    [InlineData(false, -10, 10, "in", (int)LicenseStatus.Activated, (int)ContentAccessDenialReason.PlanInactive)]
    [InlineData(true, 1, 10, "in", (int)LicenseStatus.Activated, (int)ContentAccessDenialReason.PlanNotStarted)]
    [InlineData(true, -10, -1, "in", (int)LicenseStatus.Activated, (int)ContentAccessDenialReason.PlanExpired)]
    [InlineData(true, -10, 10, "out", (int)LicenseStatus.Activated, (int)ContentAccessDenialReason.NotInCatalog)]
    [InlineData(true, -10, 10, "in", (int)LicenseStatus.Assigned, (int)ContentAccessDenialReason.LicenseNotActivated)]
    [InlineData(true, -10, 10, "out", (int)LicenseStatus.Assigned, (int)ContentAccessDenialReason.NotInCatalog)]
    [InlineData(false, 1, 10, "in", (int)LicenseStatus.Assigned, (int)ContentAccessDenialReason.PlanInactive)]
    public void Denied_ForTheFirstFailingRule(bool active, int start, int end, string key, int status, int expected) =>
        Entitlements.Decide(Held((LicenseStatus)status), Plan(active, start, end), InCatalog(key), Now).ShouldBe((ContentAccessDenialReason)expected);

    [Fact]
    public void Dates_AreInclusiveAtBothEnds()
    {
        var plan = Plan() with { StartDate = Now, ExpirationDate = Now };

        Entitlements.Decide(Held(LicenseStatus.Activated), plan, InCatalog("in"), Now).ShouldBeNull();
        Entitlements.Decide(Held(LicenseStatus.Activated), plan, InCatalog("in"), Now.AddTicks(1)).ShouldBe(ContentAccessDenialReason.PlanExpired);
        Entitlements.Decide(Held(LicenseStatus.Activated), plan, InCatalog("in"), Now.AddTicks(-1)).ShouldBe(ContentAccessDenialReason.PlanNotStarted);
    }

    [Fact]
    public void UnknownPlan_TreatedAsInactive() =>
        Entitlements.Decide(Held(LicenseStatus.Activated), null, InCatalog("in"), Now).ShouldBe(ContentAccessDenialReason.PlanInactive);

    [Fact]
    public void Closeness_NotActivatedIsNearestToGranting() =>
        Enum.GetValues<ContentAccessDenialReason>().OrderBy(Entitlements.Closeness).First().ShouldBe(ContentAccessDenialReason.LicenseNotActivated);
}
