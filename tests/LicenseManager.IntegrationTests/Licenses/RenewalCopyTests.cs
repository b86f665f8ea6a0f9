using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>ILicensePool.CopyToRenewedPlanAsync as Subscriptions' renewal processing calls it.</summary>
public sealed class RenewalCopyTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private async Task<RenewalCopyResult> CopyAsync(Guid prior, Guid renewed, Guid enterprise, LicenseTypesToCopy kinds, int size)
    {
        await using var unit = await app.Services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(CancellationToken.None);
        var result = await app.Services.GetRequiredService<ILicensePool>().CopyToRenewedPlanAsync(unit, prior, renewed, enterprise, kinds, size, CancellationToken.None);
        await unit.CommitAsync(CancellationToken.None);
        return result;
    }

    [Fact]
    public async Task Copy_AssignedAndActivated_KeepsEmailAndKey_LinksOriginals_Idempotent()
    {
        var enterprise = Guid.NewGuid();
        var prior = await app.PlanAsync(enterprise, 5);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise);
        await LicenseApi.AssignOkAsync(admin, prior.PlanId, "r1@example.com", "r2@example.com", "r3@example.com");
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 2, activated_at = now() WHERE plan_id = @p AND user_email = 'r1@example.com'", ("p", prior.PlanId));
        var renewed = Guid.NewGuid();

        var first = await CopyAsync(prior.PlanId, renewed, enterprise, LicenseTypesToCopy.AssignedAndActivated, 10);
        var again = await CopyAsync(prior.PlanId, renewed, enterprise, LicenseTypesToCopy.AssignedAndActivated, 10);

        first.ShouldBe(new RenewalCopyResult(true, 3, 3));
        again.ShouldBe(new RenewalCopyResult(true, 0, 3));
        var counts = await app.CountsAsync(renewed);
        (counts.Assigned, counts.Activated, counts.Unassigned).ShouldBe((2, 1, 7));
        (await app.ScalarAsync("""
            SELECT count(*) FROM licenses.licenses o JOIN licenses.licenses c ON c.id = o.renewed_to_id
            WHERE o.plan_id = @p AND c.renewed_from_id = o.id AND c.activation_key = o.activation_key AND c.user_email = o.user_email AND c.status = o.status
            """, ("p", prior.PlanId))).ShouldBe(3);
        var priorCounts = await app.CountsAsync(prior.PlanId);
        (priorCounts.Assigned, priorCounts.Activated).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Copy_ActivatedOnly_And_TooSmall_CopiesNothing()
    {
        var enterprise = Guid.NewGuid();
        var prior = await app.PlanAsync(enterprise, 5);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise);
        await LicenseApi.AssignOkAsync(admin, prior.PlanId, "s1@example.com", "s2@example.com");
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 2 WHERE plan_id = @p AND status = 1", ("p", prior.PlanId));
        var renewed = Guid.NewGuid();

        var tooSmall = await CopyAsync(prior.PlanId, renewed, enterprise, LicenseTypesToCopy.Activated, 1);
        var fits = await CopyAsync(prior.PlanId, renewed, enterprise, LicenseTypesToCopy.Activated, 2);

        tooSmall.ShouldBe(new RenewalCopyResult(false, 0, 2));
        fits.ShouldBe(new RenewalCopyResult(true, 2, 2));
        (await app.CountsAsync(renewed)).Activated.ShouldBe(2);
    }
}
