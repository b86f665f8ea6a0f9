using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class RevokeAndRemindTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Revoke = """
        mutation($input: RevokeLicensesInput!) {
          revokeLicenses(input: $input) {
            numRevoked
            revocations { userEmail originalStatus license { id status revokedAt } }
            failures { userEmail code message }
            errors { __typename ... on Error { message code } }
          }
        }
        """;

    private const string RevokeAll = """
        mutation($input: RevokeAllLicensesInput!) { revokeAllLicenses(input: $input) { numRevoked errors { ... on Error { message code } } } }
        """;

    private const string Remind = """
        mutation($input: RemindLicensesInput!) { remindLicenses(input: $input) { numReminded errors { ... on Error { message code } } } }
        """;

    private readonly Guid _enterprise = Guid.NewGuid();

    [Fact]
    public async Task Revoke_SevenPercentOfHundred_AllowsExactlySevenActivated_NotifiesOnce()
    {
        var plan = await app.PlanAsync(_enterprise, 100, p => p with { IsRevocationCapEnabled = true, RevokeMaxPercentage = 7 });
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        var emails = await ActivatedAsync(admin, plan, 8);

        var payload = await RevokeAsync(admin, plan, new { userEmails = emails });

        payload["numRevoked"]!.GetValue<int>().ShouldBe(7);
        payload["failures"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("REVOCATION_CAP_REACHED");
        payload["failures"]![0]!["message"]!.GetValue<string>().ShouldBe("License revocation limit has been reached.");
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Revoked, counts.Activated, counts.Unassigned, counts.RevocationsApplied).ShouldBe((7, 1, 99, 7));
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'revocation-cap-reached'", ("p", plan.PlanId))).ShouldBe(1);
    }

    [Fact]
    public async Task Revoke_AssignedLicenses_DoNotConsumeTheCap()
    {
        var plan = await app.PlanAsync(_enterprise, 20, p => p with { IsRevocationCapEnabled = true, RevokeMaxPercentage = 5 });
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        string[] emails = ["r1@example.com", "r2@example.com", "r3@example.com"];
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, emails);

        var payload = await RevokeAsync(admin, plan, new { userEmails = emails.Append("nobody@example.com") });

        payload["numRevoked"]!.GetValue<int>().ShouldBe(3);
        payload["revocations"]![0]!["originalStatus"]!.GetValue<string>().ShouldBe("ASSIGNED");
        payload["revocations"]![0]!["license"]!["status"]!.GetValue<string>().ShouldBe("REVOKED");
        payload["failures"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("LICENSE_NOT_FOUND");
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Revoked, counts.Unassigned, counts.RevocationsApplied).ShouldBe((3, 20, 0));
    }

    [Fact]
    public async Task Revoke_ThenAssignSameEmail_GetsANewLicense()
    {
        var plan = await app.PlanAsync(_enterprise, 3);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        var first = await LicenseApi.AssignOkAsync(admin, plan.PlanId, "again@example.com");
        await RevokeAsync(admin, plan, new { userEmails = new[] { "again@example.com" } });

        var second = await LicenseApi.AssignOkAsync(admin, plan.PlanId, "again@example.com");

        second["numSuccessfulAssignments"]!.GetValue<int>().ShouldBe(1);
        second["assignments"]![0]!["license"]!["id"]!.GetValue<string>().ShouldNotBe(first["assignments"]![0]!["license"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoke_ByFilter_RevokesMatchingLiveLicensesOnly()
    {
        var plan = await app.PlanAsync(_enterprise, 10);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "keep@example.com", "drop1@corp.example", "drop2@corp.example");

        var payload = await RevokeAsync(admin, plan, new { filter = new { userEmailContains = "@CORP." } });

        payload["numRevoked"]!.GetValue<int>().ShouldBe(2);
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(1);
    }

    [Fact]
    public async Task Revoke_NeitherEmailsNorFilter_SelectionRequired()
    {
        var plan = await app.PlanAsync(_enterprise, 1);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

        var payload = await RevokeAsync(admin, plan, new { });

        payload["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("SELECTION_REQUIRED");
    }

    [Fact]
    public async Task Revoke_WithinRenewalLock_Refused()
    {
        var plan = await app.PlanAsync(_enterprise, 3);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "locked@example.com");
        app.Plans.Set(plan with { RenewalEffectiveDate = app.Clock.GetUtcNow().AddHours(2) });

        var payload = await RevokeAsync(admin, plan, new { userEmails = new[] { "locked@example.com" } });

        payload["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("RENEWAL_LOCKED");
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(1);
    }

    [Fact]
    public async Task RevokeAll_CapEnabled_Refused_CapOff_RevokesAllAndReplaces()
    {
        var plan = await app.PlanAsync(_enterprise, 5, p => p with { IsRevocationCapEnabled = true });
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "all1@example.com", "all2@example.com");
        var input = new { input = new { planId = LicenseApi.PlanId(plan.PlanId) } };

        var refused = (await admin.QueryAsync(RevokeAll, input))["revokeAllLicenses"]!;
        app.Plans.Set(plan with { IsRevocationCapEnabled = false });
        var done = (await admin.QueryAsync(RevokeAll, input))["revokeAllLicenses"]!;

        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Cannot revoke all licenses when revocation cap is enabled for the subscription plan");
        done["numRevoked"]!.GetValue<int>().ShouldBe(2);
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Unassigned, counts.Assigned, counts.Revoked).ShouldBe((5, 0, 2));
    }

    [Fact]
    public async Task Remind_ByEmails_UpdatesLastRemindedAt_UnknownEmailRemindsNothing()
    {
        var plan = await app.PlanAsync(_enterprise, 5);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "m1@example.com", "m2@example.com");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

        var refused = await RemindAsync(admin, plan, new { userEmails = new[] { "m1@example.com", "ghost@example.com" } });
        var reminded = await RemindAsync(admin, plan, new { userEmails = new[] { "M1@example.com" } });
        var all = await RemindAsync(admin, plan, new { all = true });

        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Could not find any licenses pending activation that are associated with the email: ghost@example.com");
        reminded["numReminded"]!.GetValue<int>().ShouldBe(1);
        all["numReminded"]!.GetValue<int>().ShouldBe(2);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE plan_id = @p AND kind = 2", ("p", plan.PlanId))).ShouldBe(3);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-reminder'", ("p", plan.PlanId))).ShouldBe(3);
    }

    [Fact]
    public async Task Remind_AllWithNothingPending_IsAnError()
    {
        var plan = await app.PlanAsync(_enterprise, 2);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

        var payload = await RemindAsync(admin, plan, new { all = true });

        payload["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Could not find any licenses pending activation");
    }

    private static async Task<JsonNode> RevokeAsync(GqlClient admin, PlanTerms plan, object selection)
    {
        var input = System.Text.Json.JsonSerializer.SerializeToNode(selection)!.AsObject();
        input["planId"] = LicenseApi.PlanId(plan.PlanId);
        return (await admin.QueryAsync(Revoke, new { input }))["revokeLicenses"]!;
    }

    private static async Task<JsonNode> RemindAsync(GqlClient admin, PlanTerms plan, object selection)
    {
        var input = System.Text.Json.JsonSerializer.SerializeToNode(selection)!.AsObject();
        input["planId"] = LicenseApi.PlanId(plan.PlanId);
        return (await admin.QueryAsync(Remind, new { input }))["remindLicenses"]!;
    }

    /// <summary>Assigned through the API, then marked activated directly (setting up state, not exercising activation).</summary>
    private async Task<string[]> ActivatedAsync(GqlClient admin, PlanTerms plan, int count)
    {
        var emails = Enumerable.Range(0, count).Select(i => $"act{i}-{Guid.NewGuid():N}@example.com").ToArray();
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, emails);
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 2, activated_at = now(), user_id = gen_random_uuid() WHERE plan_id = @p AND status = 1", ("p", plan.PlanId));
        return emails;
    }
}
