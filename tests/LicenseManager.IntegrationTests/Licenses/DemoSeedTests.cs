using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Catalog;
using LicenseManager.Licenses;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class DemoSeedTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    [Fact]
    public async Task SeedDemo_DemoLearnerGetsAnActivatedLicense_FirstContentAccessIsGranted_Idempotent()
    {
        var accounts = await app.AdminAsync(a => a.SeedDemoAsync(false, CancellationToken.None));
        var catalog = await CatalogApi.CreateAsync(await app.OperatorAsync(), "Demo catalog", DemoAccounts.EnterpriseId);
        await CatalogApi.AddAsync(await app.OperatorAsync(), catalog, ("course-v1:Demo+Intro+2026", "COURSE", "Intro"));
        NodeId.TryDecodeGuid(catalog, "Catalog", out var catalogId).ShouldBeTrue();
        var plan = await app.PlanAsync(DemoAccounts.EnterpriseId, 100, catalogId: catalogId);
        var module = new LicensesModule();

        var first = await module.SeedDemoAsync(app.Services, true, CancellationToken.None);
        var second = await module.SeedDemoAsync(app.Services, true, CancellationToken.None);

        first.ShouldNotBeNull();
        second.ShouldBeNull();
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Activated, counts.Unassigned).ShouldBe((1, 99));
        var learner = accounts.Accounts.Single(a => a.Role == IdentityRoles.Learner);
        var client = await app.SignedInAsync(learner.Email, learner.Password);
        var access = await LearnerApi.AccessAsync(client, DemoAccounts.EnterpriseId, ["course-v1:Demo+Intro+2026"]);
        access["course-v1:Demo+Intro+2026"]["granted"]!.GetValue<bool>().ShouldBeTrue();
        access["course-v1:Demo+Intro+2026"]["checksum"].ShouldNotBeNull();
    }
}
