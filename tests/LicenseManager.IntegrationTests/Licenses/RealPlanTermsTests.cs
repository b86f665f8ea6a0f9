using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.IntegrationTests.Subscriptions;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// The Licenses rules that rest on Subscriptions' plan terms, against real plans and renewals made through
/// Subscriptions' GraphQL mutations (not the in-memory stand-in): the renewal lock comes from a real unprocessed
/// renewal, and a plan's dates and active switch from updateSubscriptionPlan.
/// </summary>
public sealed class RealPlanTermsTests(SubscriptionsAppFactory app) : IClassFixture<SubscriptionsAppFactory>
{
    private const string Revoke = """
        mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked errors { ... on Error { code } } } }
        """;

    private const string Remind = """
        mutation($input: RemindLicensesInput!) { remindLicenses(input: $input) { numReminded errors { ... on Error { code } } } }
        """;

    [Theory]
    [InlineData(11, true)]
    [InlineData(13, false)]
    public async Task Assign_AroundTwelveHoursBeforeARealRenewal(int hoursUntilEffective, bool locked)
    {
        var (_, plan, admin) = await PlanAsync();
        await RenewalAsync(plan, hoursUntilEffective);

        var response = await LicenseApi.AssignAsync(admin, PlanKey(plan), "renewing@example.com");

        LicenseApi.ErrorCode(response.Data!["assignLicenses"]!).ShouldBe(locked ? "RENEWAL_LOCKED" : null);
        (await AssignedAsync(plan)).ShouldBe(locked ? 0 : 1);
    }

    [Fact]
    public async Task Revoke_WithinTheLockOfARealRenewal_IsRefused_RemindIsNot()
    {
        var (_, plan, admin) = await PlanAsync();
        await LicenseApi.AssignOkAsync(admin, PlanKey(plan), "held@example.com");
        await RenewalAsync(plan, hoursUntilEffective: 2);
        var input = new { planId = plan["id"]!.GetValue<string>(), userEmails = new[] { "held@example.com" } };

        var revoked = (await admin.QueryAsync(Revoke, new { input }))["revokeLicenses"]!;
        var reminded = (await admin.QueryAsync(Remind, new { input }))["remindLicenses"]!;

        revoked["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("RENEWAL_LOCKED");
        reminded["errors"].ShouldBeNull();
        reminded["numReminded"]!.GetValue<int>().ShouldBe(1);
        (await AssignedAsync(plan)).ShouldBe(1);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("inactive")]
    [InlineData("not started")]
    public async Task Activate_KeyOfARealPlanNotInEffect_NotFound(string state)
    {
        var (enterprise, plan, admin) = await PlanAsync();
        var email = await app.AddUserAsync(IdentityRoles.Learner, enterprise.Id);
        var assigned = await LicenseApi.AssignOkAsync(admin, PlanKey(plan), email);
        var key = assigned["assignments"]![0]!["license"]!["activationKey"]!.GetValue<string>();
        var change = state switch
        {
            "expired" => new Dictionary<string, object?> { ["expirationDate"] = app.Now.AddMilliseconds(-1) },
            "inactive" => new Dictionary<string, object?> { ["isActive"] = false },
            _ => new Dictionary<string, object?> { ["startDate"] = app.Now.AddMilliseconds(1) },
        };
        change["id"] = plan["id"]!.GetValue<string>();
        change["changeReason"] = "OTHER";
        await app.Api(await app.OperatorAsync()).OkAsync(SubscriptionsApi.UpdatePlan, change, "updateSubscriptionPlan");

        var payload = (await LearnerApi.ActivateAsync(await app.SignedInAsync(email), key)).Data!["activateLicense"]!;

        payload["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("LICENSE_NOT_FOUND");
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 2", ("p", PlanKey(plan)))).ShouldBe(0);
    }

    [Fact]
    public async Task Activate_KeyOfARealPlanInEffect_Activates()
    {
        var (enterprise, plan, admin) = await PlanAsync();
        var email = await app.AddUserAsync(IdentityRoles.Learner, enterprise.Id);
        var assigned = await LicenseApi.AssignOkAsync(admin, PlanKey(plan), email);
        var key = assigned["assignments"]![0]!["license"]!["activationKey"]!.GetValue<string>();

        var payload = (await LearnerApi.ActivateAsync(await app.SignedInAsync(email), key)).Data!["activateLicense"]!;

        payload["errors"].ShouldBeNull();
        payload["license"]!["status"]!.GetValue<string>().ShouldBe("ACTIVATED");
    }

    private async Task<(Enterprise Enterprise, JsonNode Plan, GqlClient Admin)> PlanAsync()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 5);
        return (enterprise, plan, await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise.Id));
    }

    private async Task RenewalAsync(JsonNode plan, int hoursUntilEffective) =>
        await app.Api(await app.OperatorAsync()).OkAsync(SubscriptionsApi.CreateRenewal, new
        {
            priorPlanId = plan["id"]!.GetValue<string>(), numberOfLicenses = 5,
            effectiveDate = app.Now.AddHours(hoursUntilEffective), renewedExpirationDate = app.Now.AddYears(2),
        }, "createSubscriptionPlanRenewal");

    private Task<long> AssignedAsync(JsonNode plan) =>
        app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 1", ("p", PlanKey(plan)));

    private static Guid PlanKey(JsonNode plan) => SubscriptionsApi.Key(plan["id"]);
}
