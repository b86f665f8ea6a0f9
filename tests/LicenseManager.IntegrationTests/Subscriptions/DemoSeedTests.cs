using LicenseManager.Identity.Contracts;
using LicenseManager.Subscriptions;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Subscriptions;

public sealed class DemoSeedTests(SubscriptionsAppFactory app) : IClassFixture<SubscriptionsAppFactory>
{
    [Fact]
    public async Task SeedDemo_Twice_OneAgreementAndOnePlanOfHundredLicenses()
    {
        var module = new SubscriptionsModule();

        var first = await module.SeedDemoAsync(app.Services, onlyIntoEmptyDatabase: false, CancellationToken.None);
        var second = await module.SeedDemoAsync(app.Services, onlyIntoEmptyDatabase: false, CancellationToken.None);
        var skipped = await module.SeedDemoAsync(app.Services, onlyIntoEmptyDatabase: true, CancellationToken.None);

        first.ShouldNotBeNull().ShouldContain("100 licenses");
        second.ShouldBeNull();
        skipped.ShouldBeNull();
        var data = await (await app.OperatorAsync()).QueryAsync(
            "query($e: UUID!) { customerAgreement(enterpriseCustomerId: $e) { enterpriseCustomerSlug defaultCatalogId subscriptionPlans { nodes { title isCurrent isActive licenseCounts { unassigned total } } } } }",
            new { e = DemoAccounts.EnterpriseId });
        var agreement = data["customerAgreement"]!;
        agreement["enterpriseCustomerSlug"]!.GetValue<string>().ShouldBe("demo");
        agreement["defaultCatalogId"]!.GetValue<Guid>().ShouldBe(DemoSubscriptions.CatalogId);
        var plan = agreement["subscriptionPlans"]!["nodes"]!.AsArray().Single()!;
        plan["isCurrent"]!.GetValue<bool>().ShouldBeTrue();
        plan["isActive"]!.GetValue<bool>().ShouldBeTrue();
        plan["licenseCounts"]!["unassigned"]!.GetValue<long>().ShouldBe(100);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p", ("p", DemoSubscriptions.PlanId))).ShouldBe(100);
    }
}
