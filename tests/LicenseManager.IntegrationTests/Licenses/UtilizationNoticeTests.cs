using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>The admins' 75% / 100% allocated notices: queued with the assign or auto-apply that crossed, once per plan.</summary>
public sealed class UtilizationNoticeTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string AutoApply = """
        mutation($input: AutoApplyLicenseInput!) { autoApplyLicense(input: $input) { license { id } errors { ... on Error { code } } } }
        """;

    private readonly Guid _enterprise = Guid.NewGuid();

    [Fact]
    public async Task BelowSeventyFive_QueuesNothing()
    {
        var (plan, admin) = await PlanAsync(8);

        await AssignAsync(admin, plan, 5);

        (await NoticesAsync(plan)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AtSeventyFive_QueuesTheLimitedNotice_WithTheReferencesFigures()
    {
        var (plan, admin) = await PlanAsync(8);
        await AssignAsync(admin, plan, 5);

        await AssignAsync(admin, plan, 1);

        (await NoticesAsync(plan)).ShouldBe(["utilization-75"]);
        (await app.ScalarAsync(
            """
            SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'utilization-75' AND recipient IS NULL
              AND payload @> '{"audience": "enterprise-admins", "numAllocatedLicenses": 6, "numLicenses": 8, "thresholdPercent": 75}'
              AND payload->>'subscriptionPlanTitle' = @t AND enterprise_customer_id = @e
            """,
            ("p", plan.PlanId), ("t", plan.Title), ("e", _enterprise))).ShouldBe(1);
    }

    [Fact]
    public async Task AtHundred_AfterSeventyFive_QueuesTheNoneRemainingNotice()
    {
        var (plan, admin) = await PlanAsync(4);
        await AssignAsync(admin, plan, 3);

        await AssignAsync(admin, plan, 1);

        (await NoticesAsync(plan)).ShouldBe(["utilization-75", "utilization-100"]);
    }

    [Fact]
    public async Task JumpFromBelowSeventyFiveToHundred_QueuesOnlyTheHundred()
    {
        var (plan, admin) = await PlanAsync(4);
        await AssignAsync(admin, plan, 1);

        await AssignAsync(admin, plan, 3);

        (await NoticesAsync(plan)).ShouldBe(["utilization-100"]);
    }

    [Fact]
    public async Task RepeatedAssigns_AndARevokeThatDropsBelow_DoNotRepeatTheNotice()
    {
        var (plan, admin) = await PlanAsync(8);
        var emails = await AssignAsync(admin, plan, 6);
        await AssignAsync(admin, plan, 1);
        await admin.QueryAsync(
            "mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked } }",
            new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = emails.Take(3).ToArray() } });

        await AssignAsync(admin, plan, 1);
        await AssignAsync(admin, plan, 1);

        (await NoticesAsync(plan)).ShouldBe(["utilization-75"]);
    }

    [Fact]
    public async Task FailedAssign_QueuesNothing()
    {
        var (plan, admin) = await PlanAsync(4);

        var response = await LicenseApi.AssignAsync(admin, plan.PlanId, Emails(5));

        LicenseApi.ErrorCode(response.Data!["assignLicenses"]!).ShouldBe("NOT_ENOUGH_LICENSES");
        (await NoticesAsync(plan)).ShouldBeEmpty();
        (await app.ScalarAsync("SELECT utilization_notified FROM licenses.plan_license_counts WHERE plan_id = @p", ("p", plan.PlanId))).ShouldBe(0);
    }

    [Fact]
    public async Task AutoApply_ThatCrossesSeventyFive_QueuesTheNotice()
    {
        var (plan, admin) = await PlanAsync(4, p => p with { ShouldAutoApplyLicenses = true });
        await AssignAsync(admin, plan, 2);
        var learner = await app.UserAsync(IdentityRoles.Learner, _enterprise);

        var applied = (await learner.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = _enterprise } }))["autoApplyLicense"]!;

        applied["errors"].ShouldBeNull();
        (await NoticesAsync(plan)).ShouldBe(["utilization-75"]);
    }

    [Fact]
    public async Task ConcurrentAssignsAcrossBothThresholds_QueueEachNoticeOnce()
    {
        var (plan, admin) = await PlanAsync(12);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => LicenseApi.AssignOkAsync(admin, plan.PlanId, $"race{i}-{Guid.NewGuid():N}@example.com")));

        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(12);
        (await NoticesAsync(plan)).ShouldBe(["utilization-75", "utilization-100"], ignoreOrder: true);
    }

    private async Task<(PlanTerms Plan, GqlClient Admin)> PlanAsync(int size, Func<PlanTerms, PlanTerms>? adjust = null) =>
        (await app.PlanAsync(_enterprise, size, adjust), await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise));

    private static async Task<string[]> AssignAsync(GqlClient admin, PlanTerms plan, int count)
    {
        var emails = Emails(count);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, emails);
        return emails;
    }

    private static string[] Emails(int count) => Enumerable.Range(0, count).Select(i => $"u{i}-{Guid.NewGuid():N}@example.com").ToArray();

    private async Task<List<string>> NoticesAsync(PlanTerms plan)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT kind FROM licenses.outbox WHERE plan_id = @p AND kind LIKE 'utilization-%' ORDER BY id", connection);
        command.Parameters.AddWithValue("p", plan.PlanId);
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }
}
