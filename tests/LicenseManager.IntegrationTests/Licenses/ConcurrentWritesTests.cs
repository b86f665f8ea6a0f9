using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// Assign, remind and revoke racing on one plan: every statement takes the plan's counter row (to renew its
/// version stamp), so a lock-order mistake would show here as a deadlock error, and a counting mistake as
/// counters that differ from the rows.
/// </summary>
public sealed class ConcurrentWritesTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Remind = """
        mutation($input: RemindLicensesInput!) { remindLicenses(input: $input) { numReminded errors { ... on Error { code } } } }
        """;

    private const string Revoke = """
        mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task AssignRemindAndRevoke_Concurrently_AllSucceed_CountersMatchTheRows()
    {
        var enterprise = Guid.NewGuid();
        var plan = await app.PlanAsync(enterprise, 60);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise);
        var held = Enumerable.Range(0, 20).Select(i => $"held{i}@example.com").ToArray();
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, held);
        var planId = LicenseApi.PlanId(plan.PlanId);

        var work = new List<Task<JsonNode>>();
        for (var i = 0; i < 10; i++)
        {
            var revoked = held[i];
            var added = $"new{i}@example.com";
            work.Add(Run(admin, Revoke, "revokeLicenses", new { planId, userEmails = new[] { revoked } }));
            work.Add(Run(admin, Remind, "remindLicenses", new { planId, all = true }));
            work.Add(LicenseApi.AssignOkAsync(admin, plan.PlanId, added));
        }

        var payloads = await Task.WhenAll(work);

        payloads.ShouldAllBe(p => p["errors"] == null);
        var counts = await app.CountsAsync(plan.PlanId);
        var rows = await app.ScalarAsync(
            """
            SELECT count(*) FILTER (WHERE status = 0) * 1000000 + count(*) FILTER (WHERE status = 1) * 10000
                 + count(*) FILTER (WHERE status = 3) * 100 + count(*) FILTER (WHERE status = 2)
            FROM licenses.licenses WHERE plan_id = @p
            """,
            ("p", plan.PlanId));
        // 60 + 10 replacements = 70: 20 held − 10 revoked + 10 new = 20 assigned; 10 revoked; 40 unassigned.
        (counts.Unassigned, counts.Assigned, counts.Revoked, counts.Activated).ShouldBe((40L, 20L, 10L, 0L));
        rows.ShouldBe((counts.Unassigned * 1000000) + (counts.Assigned * 10000) + (counts.Revoked * 100) + counts.Activated);
    }

    [Fact]
    public async Task RevokeAll_WhileAssigningAndReminding_AllSucceed_EveryAssignedLicenseRevokedOrKept()
    {
        var enterprise = Guid.NewGuid();
        var plan = await app.PlanAsync(enterprise, 40);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, Enumerable.Range(0, 10).Select(i => $"held{i}@example.com").ToArray());
        var planId = LicenseApi.PlanId(plan.PlanId);

        var revokeAll = Run(admin, """
            mutation($input: RevokeAllLicensesInput!) { revokeAllLicenses(input: $input) { numRevoked errors { ... on Error { code } } } }
            """, "revokeAllLicenses", new { planId });
        var assigns = new List<Task<JsonNode>>();
        var reminders = new List<Task<JsonNode>>();
        for (var i = 0; i < 10; i++)
        {
            assigns.Add(LicenseApi.AssignOkAsync(admin, plan.PlanId, $"new{i}@example.com"));
            if (i % 2 == 0)
            {
                reminders.Add(Run(admin, Remind, "remindLicenses", new { planId, all = true }));
            }
        }

        var revokedAll = await revokeAll;
        await Task.WhenAll(assigns);
        var reminded = await Task.WhenAll(reminders);

        revokedAll["errors"].ShouldBeNull();
        // A reminder may find nothing pending once everything is revoked; that is its only allowed error.
        reminded.SelectMany(p => p["errors"]?.AsArray() ?? []).ShouldAllBe(e => e!["code"]!.GetValue<string>() == "NO_PENDING_LICENSE");
        var revoked = revokedAll["numRevoked"]!.GetValue<int>();
        var counts = await app.CountsAsync(plan.PlanId);
        // The 10 held are revoked for sure, the 10 new ones if assigned first; each revoked one is replaced.
        revoked.ShouldBeInRange(10, 20);
        (counts.Revoked, counts.Assigned + counts.Revoked, counts.Unassigned).ShouldBe((revoked, 20L, 20L + revoked));
        var rows = await app.ScalarAsync(
            "SELECT count(*) FILTER (WHERE status = 0) * 10000 + count(*) FILTER (WHERE status = 1) * 100 + count(*) FILTER (WHERE status = 3) FROM licenses.licenses WHERE plan_id = @p",
            ("p", plan.PlanId));
        rows.ShouldBe((counts.Unassigned * 10000) + (counts.Assigned * 100) + counts.Revoked);
    }

    private static async Task<JsonNode> Run(GqlClient admin, string mutation, string field, object input) =>
        (await admin.QueryAsync(mutation, new { input }))[field]!;
}
