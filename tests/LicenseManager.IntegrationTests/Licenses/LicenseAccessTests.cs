using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// The tenant-isolation matrix over the Licenses fields (<see cref="IsolationMatrix"/>): admins manage their
/// enterprise's plans, partners read them, learners see only their own license (the own enterprise's license is
/// the learner-of-own's), and another enterprise's plan or license behaves like an unknown id.
/// </summary>
public sealed class LicenseAccessTests(LicenseAccessTests.Fixture fixture) : IClassFixture<LicenseAccessTests.Fixture>
{
    private static readonly Caller[] PlanReaders = [Caller.Operator, Caller.OperatorService, Caller.AdminOfOwn, Caller.AdminOfOther, Caller.PartnerOfOwn];
    private static readonly Caller[] PlanAdmins = [Caller.Operator, Caller.OperatorService, Caller.AdminOfOwn, Caller.AdminOfOther];

    public sealed class Fixture : IsolationFixture<LicensesAppFactory>
    {
        public Dictionary<Target, string> PlanIds { get; } = [];

        public Dictionary<Target, string> LicenseIds { get; } = [];

        protected override async Task SeedAsync(GqlClient @operator)
        {
            var learnerEmail = (await Clients[Caller.LearnerOfOwn].QueryAsync("{ me { email } }"))["me"]!["email"]!.GetValue<string>();
            foreach (var (target, enterprise, email) in new[] { (Target.Own, Own, learnerEmail), (Target.Other, Other, "someone@other.example") })
            {
                var plan = await Factory.PlanAsync(enterprise, 100);
                PlanIds[target] = LicenseApi.PlanId(plan.PlanId);
                var assigned = await LicenseApi.AssignOkAsync(@operator, plan.PlanId, email);
                LicenseIds[target] = assigned["assignments"]![0]!["license"]!["id"]!.GetValue<string>();
            }

            PlanIds[Target.None] = LicenseApi.PlanId(Guid.NewGuid());
            LicenseIds[Target.None] = NodeId.Encode("License", Guid.NewGuid());
        }
    }

    [Fact]
    public Task Licenses_OfPlan() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, PlanReaders, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "query($p: ID!) { licenses(planId: $p, where: { status: { eq: ASSIGNED } }) { totalCount nodes { id } } }", new { p = fixture.PlanIds[target] });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), r =>
        {
            var count = r.Data!["licenses"]!["totalCount"]!.GetValue<int>();
            r.Data!["licenses"]!["nodes"]!.AsArray().Count.ShouldBe(count);
            return count > 0;
        });
    });

    [Fact]
    public Task Node_License() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, IsolationMatrix.AllCallers, Outcome.Hidden, async (client, target) =>
    {
        var response = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = fixture.LicenseIds[target] });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), r => r.Data!["node"] is not null);
    });

    [Fact]
    public Task AssignLicenses() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, PlanAdmins, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(LicenseApi.Assign, new
        {
            input = new { planId = fixture.PlanIds[target], userEmails = new[] { $"matrix-{Guid.NewGuid():N}@example.com" }, notifyUsers = false },
        });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), Succeeded("assignLicenses"));
    });

    [Fact]
    public Task RevokeLicenses() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, PlanAdmins, Outcome.Refused, async (client, target) =>
    {
        // Names an email nobody holds: a per-item failure when allowed, so the probe changes nothing.
        var response = await client.PostAsync(
            "mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked errors { ... on Error { code } } } }",
            new { input = new { planId = fixture.PlanIds[target], userEmails = new[] { "nobody@example.com" } } });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), Succeeded("revokeLicenses"));
    });

    [Fact]
    public Task RemindLicenses() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, PlanAdmins, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "mutation($input: RemindLicensesInput!) { remindLicenses(input: $input) { numReminded errors { ... on Error { code } } } }",
            new { input = new { planId = fixture.PlanIds[target], all = true } });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), Succeeded("remindLicenses"));
    });

    private static Func<GqlResponse, bool> Succeeded(string field) => response =>
    {
        if (response.Data![field]!["errors"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } errors)
        {
            errors[0]!["code"]!.GetValue<string>().ShouldBe("PLAN_NOT_FOUND");
            return false;
        }

        return true;
    };
}
