namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>The two cross-module fields: Licenses' <c>SubscriptionPlan.licenses</c> and Subscriptions' <c>License.subscriptionPlan</c>.</summary>
public sealed class LicensePlanTests(PlanQueryTests.Factory app) : IClassFixture<PlanQueryTests.Factory>
{
    [Fact]
    public async Task LicenseSubscriptionPlan_PageOfLicenses_OnePlanQuery()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 5, i => i["title"] = "Cross-module");
        var planId = plan["id"]!.GetValue<string>();

        app.Sql.Clear();
        var data = await api.Client.QueryAsync(
            "query($id: ID!) { licenses(planId: $id, first: 5) { nodes { id subscriptionPlan { id title } } } }", new { id = planId });

        var nodes = data["licenses"]!["nodes"]!.AsArray();
        nodes.Count.ShouldBe(5);
        nodes.ShouldAllBe(n => n!["subscriptionPlan"]!["id"]!.GetValue<string>() == planId);
        app.Sql.CommandsOn("subscription_plans").Count.ShouldBe(1);
    }

    [Fact]
    public async Task SubscriptionPlanLicenses_TheLicensesConnectionUnderThePlan()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 7);

        var data = await api.Client.QueryAsync(
            "query($id: ID!) { node(id: $id) { ... on SubscriptionPlan { licenses(first: 3) { nodes { id status } } } } }", new { id = plan["id"]!.GetValue<string>() });

        var licenses = data["node"]!["licenses"]!["nodes"]!.AsArray();
        licenses.Count.ShouldBe(3);
        licenses.ShouldAllBe(l => l!["status"]!.GetValue<string>() == "UNASSIGNED");
    }
}
