using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Licenses.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// An admin who names another enterprise's plan sees nothing, and it costs a probe, not a read of that plan's
/// licenses (a hostile caller must not make the server scan a plan of a million per request).
/// </summary>
public sealed class ForeignPlanCostTests(ForeignPlanCostTests.Factory app) : IClassFixture<ForeignPlanCostTests.Factory>
{
    public sealed class Factory : LicensesAppFactory
    {
        public SqlLog Sql { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.ConfigureDbContext<LicensesDbContext>(options => options.AddInterceptors(Sql));
        }
    }

    [Fact]
    public async Task LicensesOfAnotherEnterprisesPlan_Empty_AndTheLicensesAreNeverScanned()
    {
        var owner = Guid.NewGuid();
        var plan = await app.PlanAsync(owner, 20_000);
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 1, user_email = 'l' || id || '@example.com' WHERE plan_id = @p", ("p", plan.PlanId));
        await app.ScalarAsync("ANALYZE licenses.licenses");
        var stranger = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
        var ownAdmin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, owner);
        const string Page = """
            query($p: ID!) { licenses(planId: $p, first: 50, where: { userEmail: { contains: "example" } }, order: [{ userEmail: ASC }]) { totalCount nodes { id } } }
            """;

        app.Sql.Clear();
        var foreign = (await stranger.QueryAsync(Page, new { p = LicenseApi.PlanId(plan.PlanId) }))["licenses"]!;
        var captured = app.Sql.Captured.Where(c => c.Text.Contains("licenses.licenses", StringComparison.Ordinal) && c.Text.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        var own = (await ownAdmin.QueryAsync(Page, new { p = LicenseApi.PlanId(plan.PlanId) }))["licenses"]!;

        (foreign["totalCount"]!.GetValue<int>(), foreign["nodes"]!.AsArray().Count).ShouldBe((0, 0));
        (own["totalCount"]!.GetValue<int>(), own["nodes"]!.AsArray().Count).ShouldBe((20_000, 50));
        captured.ShouldNotBeEmpty();
        foreach (var command in captured)
        {
            var explained = await QueryPlans.ExplainAsync(app.ConnectionString, command, "(ANALYZE, BUFFERS)");
            explained.ShouldContain("One-Time Filter", Case.Sensitive, explained);
            explained.ShouldContain("never executed", Case.Sensitive, explained);
        }
    }
}
