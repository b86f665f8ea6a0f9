using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>"When the cap is exhausted, operators are notified once": the revocation-cap-reached outbox row.</summary>
public sealed class RevocationCapNoticeTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Revoke = """
        mutation($input: RevokeLicensesInput!) {
          revokeLicenses(input: $input) { numRevoked failures { code } errors { ... on Error { code } } }
        }
        """;

    private readonly Guid _enterprise = Guid.NewGuid();

    [Fact]
    public async Task NotExhausted_NoNotice_TheRevocationThatExhaustsIt_NotifiesWithTheFigures()
    {
        // 10% of 20 = 2 revocations of ACTIVATED licenses.
        var (plan, admin) = await CappedPlanAsync(20, 10);
        var emails = await ActivatedAsync(admin, plan, 3);

        var first = await RevokeAsync(admin, plan, emails[0]);
        var before = await CapNoticesAsync(plan);
        var second = await RevokeAsync(admin, plan, emails[1]);

        (first["numRevoked"]!.GetValue<int>(), second["numRevoked"]!.GetValue<int>(), before).ShouldBe((1, 1, 0L));
        (await CapNoticesAsync(plan)).ShouldBe(1);
        (await app.ScalarAsync(
            """
            SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'revocation-cap-reached' AND recipient IS NULL
              AND (payload->>'numRevocationsApplied')::int = 2 AND payload->>'subscriptionTitle' = @t
            """,
            ("p", plan.PlanId), ("t", plan.Title))).ShouldBe(1);
    }

    [Fact]
    public async Task RefusedAttemptsAfterExhaustion_DoNotNotifyAgain()
    {
        var (plan, admin) = await CappedPlanAsync(20, 5);
        var emails = await ActivatedAsync(admin, plan, 3);
        await RevokeAsync(admin, plan, emails[0]);

        var refused1 = await RevokeAsync(admin, plan, emails[1]);
        var refused2 = await RevokeAsync(admin, plan, emails[2]);

        refused1["failures"]![0]!["code"]!.GetValue<string>().ShouldBe("REVOCATION_CAP_REACHED");
        refused2["failures"]![0]!["code"]!.GetValue<string>().ShouldBe("REVOCATION_CAP_REACHED");
        (await CapNoticesAsync(plan)).ShouldBe(1);
    }

    [Fact]
    public async Task PercentageLoweredBelowApplied_TheFirstRefusal_NotifiesOnce()
    {
        var (plan, admin) = await CappedPlanAsync(20, 20);
        var emails = await ActivatedAsync(admin, plan, 4);
        await RevokeAsync(admin, plan, emails[0]);
        await RevokeAsync(admin, plan, emails[1]);
        app.Plans.Set(plan with { RevokeMaxPercentage = 5 });

        var refused = await RevokeAsync(admin, plan, emails[2]);
        await RevokeAsync(admin, plan, emails[3]);

        refused["failures"]![0]!["code"]!.GetValue<string>().ShouldBe("REVOCATION_CAP_REACHED");
        (await CapNoticesAsync(plan)).ShouldBe(1);
    }

    [Fact]
    public async Task RevokingAssignedLicenses_NeverNotifies()
    {
        var (plan, admin) = await CappedPlanAsync(20, 5);
        string[] emails = ["as1@example.com", "as2@example.com", "as3@example.com"];
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, emails);

        var payload = await RevokeAsync(admin, plan, emails);

        payload["numRevoked"]!.GetValue<int>().ShouldBe(3);
        (await CapNoticesAsync(plan)).ShouldBe(0);
    }

    [Fact]
    public async Task ConcurrentRevocationsThatExhaustTheCap_NotifyOnce()
    {
        // 20% of 20 = 4; eight concurrent single revocations: four succeed, the rest are refused.
        var (plan, admin) = await CappedPlanAsync(20, 20);
        var emails = await ActivatedAsync(admin, plan, 8);

        var payloads = await Task.WhenAll(emails.Select(e => RevokeAsync(admin, plan, e)));

        payloads.Sum(p => p["numRevoked"]!.GetValue<int>()).ShouldBe(4);
        (await app.CountsAsync(plan.PlanId)).RevocationsApplied.ShouldBe(4);
        (await CapNoticesAsync(plan)).ShouldBe(1);
    }

    private async Task<(PlanTerms Plan, GqlClient Admin)> CappedPlanAsync(int size, int percentage) =>
        (await app.PlanAsync(_enterprise, size, p => p with { IsRevocationCapEnabled = true, RevokeMaxPercentage = percentage }),
         await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise));

    private static async Task<JsonNode> RevokeAsync(GqlClient admin, PlanTerms plan, params string[] emails)
    {
        var payload = (await admin.QueryAsync(Revoke, new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = emails } }))["revokeLicenses"]!;
        payload["errors"].ShouldBeNull();
        return payload;
    }

    private Task<long> CapNoticesAsync(PlanTerms plan) =>
        app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'revocation-cap-reached'", ("p", plan.PlanId));

    /// <summary>Assigned through the API, then marked activated directly (setting up state, not exercising activation).</summary>
    private async Task<string[]> ActivatedAsync(GqlClient admin, PlanTerms plan, int count)
    {
        var emails = Enumerable.Range(0, count).Select(i => $"cap{i}-{Guid.NewGuid():N}@example.com").ToArray();
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, emails);
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 2, activated_at = now(), user_id = gen_random_uuid() WHERE plan_id = @p AND status = 1", ("p", plan.PlanId));
        return emails;
    }
}
