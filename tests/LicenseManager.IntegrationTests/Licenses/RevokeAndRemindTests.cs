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
    public async Task Revoke_ByWhere_RevokesTheLiveLicensesAmongTheListsMatches()
    {
        var plan = await app.PlanAsync(_enterprise, 10);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "keep@example.com", "drop1@corp.example", "drop2@corp.example");
        var where = new { userEmail = new { contains = "@CORP." } };
        var listed = await ListedEmailsAsync(admin, plan, where);

        var payload = await RevokeAsync(admin, plan, new { where });

        listed.ShouldBe(["drop1@corp.example", "drop2@corp.example"], ignoreOrder: true);
        payload["numRevoked"]!.GetValue<int>().ShouldBe(2);
        payload["revocations"]!.AsArray().Select(r => r!["userEmail"]!.GetValue<string>()).ShouldBe(listed, ignoreOrder: true);
        payload["failures"]!.AsArray().ShouldBeEmpty();
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Assigned, counts.Revoked, counts.Unassigned).ShouldBe((1, 2, 9));
    }

    [Fact]
    public async Task Revoke_ByWhere_SkipsUnassignedAndRevokedMatches_AndAppliesTheCapPerItem()
    {
        var plan = await app.PlanAsync(_enterprise, 20, p => p with { IsRevocationCapEnabled = true, RevokeMaxPercentage = 5 });
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await ActivatedAsync(admin, plan, 2);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "pending@example.com");
        await RevokeAsync(admin, plan, new { userEmails = new[] { "pending@example.com" } });
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "pending2@example.com");

        // Every status matches (UNASSIGNED and REVOKED too): only ASSIGNED/ACTIVATED are revoked, one ACTIVATED by the cap (ceil(20 × 5%) = 1).
        var payload = await RevokeAsync(admin, plan, new { where = new { status = new { nin = Array.Empty<string>() } } });

        payload["numRevoked"]!.GetValue<int>().ShouldBe(2);
        payload["revocations"]!.AsArray().Select(r => r!["originalStatus"]!.GetValue<string>()).ShouldBe(["ACTIVATED", "ASSIGNED"], ignoreOrder: true);
        payload["failures"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("REVOCATION_CAP_REACHED");
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Activated, counts.Assigned, counts.Revoked, counts.RevocationsApplied).ShouldBe((1, 0, 3, 1));
    }

    [Fact]
    public async Task Revoke_ByWhereWithAndOr_UsesTheListsOperators()
    {
        var plan = await app.PlanAsync(_enterprise, 10);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "a1@x.example", "a2@x.example", "b1@y.example", "c1@z.example");
        var where = new
        {
            status = new { eq = "ASSIGNED" },
            or = new object[] { new { userEmail = new { startsWith = "a1" } }, new { userEmail = new { endsWith = "@y.example" } } },
        };

        var payload = await RevokeAsync(admin, plan, new { where });

        payload["revocations"]!.AsArray().Select(r => r!["userEmail"]!.GetValue<string>()).ShouldBe(["a1@x.example", "b1@y.example"], ignoreOrder: true);
    }

    [Fact]
    public async Task Revoke_ByWhereMatchingNothing_RevokesNothing()
    {
        var plan = await app.PlanAsync(_enterprise, 3);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "stays@example.com");

        var payload = await RevokeAsync(admin, plan, new { where = new { userEmail = new { eq = "nobody@example.com" } } });

        payload["numRevoked"]!.GetValue<int>().ShouldBe(0);
        payload["errors"].ShouldBeNull();
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(1);
    }

    [Fact]
    public async Task RevokeAndRemind_ByWhere_AnotherEnterprisesPlan_IsNotFound_AndUntouched()
    {
        var plan = await app.PlanAsync(_enterprise, 3);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "mine@example.com");
        var stranger = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());

        var revoked = await RevokeAsync(stranger, plan, new { where = new { } });
        var reminded = await RemindAsync(stranger, plan, new { where = new { } });

        revoked["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("PLAN_NOT_FOUND");
        reminded["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("PLAN_NOT_FOUND");
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-reminder'", ("p", plan.PlanId))).ShouldBe(0);
    }

    [Fact]
    public async Task Revoke_NeitherEmailsNorWhere_OrBoth_SelectionRequired()
    {
        var plan = await app.PlanAsync(_enterprise, 1);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

        var neither = await RevokeAsync(admin, plan, new { });
        var both = await RevokeAsync(admin, plan, new { userEmails = new[] { "a@example.com" }, where = new { } });

        neither["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("SELECTION_REQUIRED");
        neither["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Give exactly one of: userEmails, where.");
        both["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("SELECTION_REQUIRED");
    }

    [Fact]
    public async Task Remind_ByWhere_RemindsTheAssignedAmongTheMatches()
    {
        var plan = await app.PlanAsync(_enterprise, 10);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await ActivatedAsync(admin, plan, 1);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "w1@team.example", "w2@team.example", "other@example.com");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

        // The second filter matches the activated license too: only ASSIGNED ones are reminded.
        var teamOnly = await RemindAsync(admin, plan, new { where = new { userEmail = new { contains = "TEAM" } } });
        var everyone = await RemindAsync(admin, plan, new { where = new { userEmail = new { contains = "example" } } });

        teamOnly["numReminded"]!.GetValue<int>().ShouldBe(2);
        everyone["numReminded"]!.GetValue<int>().ShouldBe(3);
        (await app.ScalarAsync(
            "SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 1 AND last_reminded_at = @t",
            ("p", plan.PlanId), ("t", app.Clock.GetUtcNow()))).ShouldBe(3);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-reminder'", ("p", plan.PlanId))).ShouldBe(5);
    }

    [Fact]
    public async Task Remind_SelectorRules_ExactlyOneOfEmailsWhereAll()
    {
        var plan = await app.PlanAsync(_enterprise, 2);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "sel@example.com");

        var none = await RemindAsync(admin, plan, new { });
        var whereAndAll = await RemindAsync(admin, plan, new { where = new { }, all = true });
        var nothingMatches = await RemindAsync(admin, plan, new { where = new { status = new { eq = "ACTIVATED" } } });

        none["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Give exactly one of: userEmails, where, all.");
        whereAndAll["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("SELECTION_REQUIRED");
        nothingMatches["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Could not find any licenses pending activation");
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-reminder'", ("p", plan.PlanId))).ShouldBe(0);
    }

    [Fact]
    public async Task RevokeAll_CapEnabled_Refused_CapOff_RevokesAllAndReplaces()
    {
        var plan = await app.PlanAsync(_enterprise, 5, p => p with { IsRevocationCapEnabled = true });
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "all1@example.com", "all2@example.com");
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 2, activated_at = now() WHERE plan_id = @p AND user_email = 'all2@example.com'", ("p", plan.PlanId));
        var input = new { input = new { planId = LicenseApi.PlanId(plan.PlanId) } };

        var refused = (await admin.QueryAsync(RevokeAll, input))["revokeAllLicenses"]!;
        var countsAfterRefusal = await app.CountsAsync(plan.PlanId);
        app.Plans.Set(plan with { IsRevocationCapEnabled = false });
        var done = (await admin.QueryAsync(RevokeAll, input))["revokeAllLicenses"]!;
        var again = (await admin.QueryAsync(RevokeAll, input))["revokeAllLicenses"]!;

        refused["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Cannot revoke all licenses when revocation cap is enabled for the subscription plan");
        (countsAfterRefusal.Assigned, countsAfterRefusal.Activated, countsAfterRefusal.Revoked).ShouldBe((1, 1, 0));
        done["numRevoked"]!.GetValue<int>().ShouldBe(2);
        again["numRevoked"]!.GetValue<int>().ShouldBe(0);
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Unassigned, counts.Assigned, counts.Activated, counts.Revoked).ShouldBe((5, 0, 0, 2));
        // History keeps what each license was before (ASSIGNED 1, ACTIVATED 2); each revoked learner gets one mail.
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE plan_id = @p AND kind = 4 AND status_before = 1", ("p", plan.PlanId))).ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE plan_id = @p AND kind = 4 AND status_before = 2", ("p", plan.PlanId))).ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-revoked'", ("p", plan.PlanId))).ShouldBe(2);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 3 AND revoked_at IS NOT NULL", ("p", plan.PlanId))).ShouldBe(2);
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

    private static async Task<string[]> ListedEmailsAsync(GqlClient admin, PlanTerms plan, object where)
    {
        var data = await admin.QueryAsync(
            "query($p: ID!, $w: LicenseFilterInput) { licenses(planId: $p, where: $w, first: 50) { nodes { userEmail } } }",
            new { p = LicenseApi.PlanId(plan.PlanId), w = where });
        return data["licenses"]!["nodes"]!.AsArray().Select(n => n!["userEmail"]!.GetValue<string>()).ToArray();
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
