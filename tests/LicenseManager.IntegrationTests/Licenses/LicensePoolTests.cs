using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>Provisioning and counts as Subscriptions uses them: through the contracts, in the caller's unit of work.</summary>
public sealed class LicensePoolTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    [Fact]
    public async Task ProvisionAsync_NewPlan_CreatesUnassignedLicensesAndCounts()
    {
        var plan = await app.PlanAsync(Guid.NewGuid(), 1000);

        var counts = await app.CountsAsync(plan.PlanId);

        counts.ShouldBe(new LicenseCounts(plan.PlanId, 1000, 0, 0, 0, 0));
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 0 AND enterprise_customer_id = @e",
            ("p", plan.PlanId), ("e", plan.EnterpriseCustomerId))).ShouldBe(1000);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND created_at IS NOT NULL", ("p", plan.PlanId))).ShouldBe(1000);
    }

    [Fact]
    public async Task ProvisionAsync_AlreadyThatSize_AddsNothing_LargerSize_AddsTheDifference()
    {
        var plan = await app.PlanAsync(Guid.NewGuid(), 10);

        (await app.ProvisionAsync(plan, 10)).ShouldBe(0);
        (await app.ProvisionAsync(plan, 4)).ShouldBe(0);
        (await app.ProvisionAsync(plan, 25)).ShouldBe(15);

        (await app.CountsAsync(plan.PlanId)).Unassigned.ShouldBe(25);
    }

    [Fact]
    public async Task ProvisionAsync_CallerRollsBack_NothingRemains()
    {
        var planId = Guid.NewGuid();
        await using (var unit = await app.Services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(CancellationToken.None))
        {
            await app.Services.GetRequiredService<ILicensePool>().ProvisionAsync(unit, planId, Guid.NewGuid(), 50, CancellationToken.None);
        }

        (await app.CountsAsync(planId)).Total.ShouldBe(0);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p", ("p", planId))).ShouldBe(0);
    }

    [Fact]
    public async Task GetManyAsync_SeveralPlansAndAnUnknownOne_AnswersEach()
    {
        var a = await app.PlanAsync(Guid.NewGuid(), 3);
        var b = await app.PlanAsync(Guid.NewGuid(), 7);
        var unknown = Guid.NewGuid();

        var counts = await app.Services.GetRequiredService<ILicenseCounts>().GetManyAsync([a.PlanId, b.PlanId, unknown, a.PlanId], CancellationToken.None);

        counts[a.PlanId].Unassigned.ShouldBe(3);
        counts[b.PlanId].Unassigned.ShouldBe(7);
        counts[unknown].Total.ShouldBe(0);
    }

    [Fact]
    public async Task Counters_StatusChangedBySql_FollowTheStatements()
    {
        var plan = await app.PlanAsync(Guid.NewGuid(), 10);

        await app.ScalarAsync(
            "WITH t AS (SELECT id FROM licenses.licenses WHERE plan_id = @p LIMIT 4) UPDATE licenses.licenses SET status = 1, user_email = 'x' || id WHERE id IN (SELECT id FROM t)",
            ("p", plan.PlanId));
        await app.ScalarAsync("DELETE FROM licenses.licenses WHERE plan_id = @p AND status = 0 AND id IN (SELECT id FROM licenses.licenses WHERE plan_id = @p AND status = 0 LIMIT 1)", ("p", plan.PlanId));

        var counts = await app.CountsAsync(plan.PlanId);
        counts.Unassigned.ShouldBe(5);
        counts.Assigned.ShouldBe(4);
    }
}
