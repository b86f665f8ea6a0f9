using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// <c>totalCount</c> of filtered license lists comes from a count cache validated by the plan's counter version
/// (<c>VersionedCounts</c>): every statement changing the plan's licenses renews the version, so a count asked
/// again right after a mutation is exact, on this instance and on another one sharing the database.
/// </summary>
public sealed class LicenseCountCacheTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Total = """
        query($planId: ID!, $where: LicenseFilterInput) { licenses(planId: $planId, where: $where) { totalCount } }
        """;

    [Fact]
    public async Task FilteredCounts_AfterAssignRemindRevokeActivate_AreExactAtOnce_OnThisAndASecondInstance()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var plan = await scenario.PlanAsync(10);
        var adminEmail = await app.AddUserAsync(IdentityRoles.EnterpriseAdmin, scenario.Enterprise);
        await using var second = new SecondInstance(app);
        await second.InitializeAsync();
        second.Plans.Set(plan);
        var admins = new[] { await app.SignedInAsync(adminEmail), await second.SignedInAsync(adminEmail) };
        var tag = $"cache{Guid.NewGuid():N}"[..16];
        var remindedAfter = app.Clock.GetUtcNow().AddMinutes(5);
        var filters = new Dictionary<string, object>
        {
            ["email"] = new { userEmail = new { contains = tag } },
            ["assignedEmail"] = new { status = new { eq = "ASSIGNED" }, userEmail = new { contains = tag } },
            ["reminded"] = new { lastRemindedAt = new { gt = remindedAfter.ToString("yyyy-MM-ddTHH:mm:ss.fffZ") } },
            ["activated"] = new { activatedAt = new { gte = "2000-01-01T00:00:00.000Z" } },
        };

        async Task ExpectAsync(string because, int email, int assignedEmail, int reminded, int activated)
        {
            var expected = new Dictionary<string, int> { ["email"] = email, ["assignedEmail"] = assignedEmail, ["reminded"] = reminded, ["activated"] = activated };
            foreach (var admin in admins)
            {
                // Twice: the second answer comes from the cache when the version still matches.
                for (var round = 0; round < 2; round++)
                {
                    foreach (var (name, where) in filters)
                    {
                        var data = await admin.QueryAsync(Total, new { planId = LicenseApi.PlanId(plan.PlanId), where });
                        data["licenses"]!["totalCount"]!.GetValue<int>().ShouldBe(expected[name], $"{because}: {name} on instance {Array.IndexOf(admins, admin) + 1}");
                    }
                }
            }
        }

        await ExpectAsync("before anything", 0, 0, 0, 0);

        var emails = Enumerable.Range(0, 3).Select(i => $"{tag}{i}@example.com").ToArray();
        await LicenseApi.AssignOkAsync(admins[0], plan.PlanId, emails);
        await ExpectAsync("after assign", 3, 3, 0, 0);

        // A reminder changes no status, only lastRemindedAt: the version must still change.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        admins[0] = await app.SignedInAsync(adminEmail); // the old token is past its lifetime on the moved clock
        var remind = await admins[0].QueryAsync(
            "mutation($input: RemindLicensesInput!) { remindLicenses(input: $input) { numReminded errors { ... on Error { code } } } }",
            new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = emails[..2] } });
        remind["remindLicenses"]!["numReminded"]!.GetValue<int>().ShouldBe(2);
        await ExpectAsync("after remind", 3, 3, 2, 0);

        var revoke = await admins[0].QueryAsync(
            "mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked } }",
            new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = new[] { emails[0] } } });
        revoke["revokeLicenses"]!["numRevoked"]!.GetValue<int>().ShouldBe(1);
        await ExpectAsync("after revoke", 3, 2, 2, 0);

        var learnerEmail = await app.AddUserAsync(IdentityRoles.Learner, scenario.Enterprise);
        var key = (await LicenseApi.AssignOkAsync(admins[0], plan.PlanId, learnerEmail))["assignments"]![0]!["license"]!["activationKey"]!.GetValue<string>();
        // Assigning stamps lastRemindedAt too (the assignment mail is the first reminder).
        await ExpectAsync("after the learner's assign", 3, 2, 3, 0);
        var activated = await LearnerApi.ActivateAsync(await app.SignedInAsync(learnerEmail), key);
        activated.Data!["activateLicense"]!["license"].ShouldNotBeNull(activated.Raw);
        await ExpectAsync("after activate", 3, 2, 3, 1);
    }

    [Fact]
    public async Task DifferentFilters_DoNotShareACachedCount()
    {
        var plan = await app.PlanAsync(Guid.NewGuid(), 5);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, plan.EnterpriseCustomerId);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "alpha1@example.com", "beta1@example.com", "beta2@example.com");

        for (var round = 0; round < 2; round++)
        {
            (await TotalAsync(admin, plan, new { userEmail = new { contains = "alpha" } })).ShouldBe(1);
            (await TotalAsync(admin, plan, new { userEmail = new { contains = "beta" } })).ShouldBe(2);
            (await TotalAsync(admin, plan, new { userEmail = new { startsWith = "beta" } })).ShouldBe(2);
            (await TotalAsync(admin, plan, new { userEmail = new { startsWith = "beta" }, status = new { eq = "UNASSIGNED" } })).ShouldBe(0);
            (await TotalAsync(admin, plan, new { userEmail = new { eq = (string?)null } })).ShouldBe(2);
        }
    }

    [Fact]
    public async Task AnotherEnterprisesCaller_GetsNothingFromTheCache()
    {
        var plan = await app.PlanAsync(Guid.NewGuid(), 5);
        var own = await app.UserAsync(IdentityRoles.EnterpriseAdmin, plan.EnterpriseCustomerId);
        var other = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
        await LicenseApi.AssignOkAsync(own, plan.PlanId, "mine1@example.com", "mine2@example.com");
        var where = new { userEmail = new { contains = "mine" } };
        (await TotalAsync(own, plan, where)).ShouldBe(2);
        (await TotalAsync(own, plan, where)).ShouldBe(2);

        (await TotalAsync(other, plan, where)).ShouldBe(0);
        (await TotalAsync(other, plan, new { status = new { eq = "ASSIGNED" } })).ShouldBe(0);
        (await TotalAsync(own, plan, where)).ShouldBe(2);
    }

    private static async Task<int> TotalAsync(GqlClient client, PlanTerms plan, object where) =>
        (await client.QueryAsync(Total, new { planId = LicenseApi.PlanId(plan.PlanId), where }))["licenses"]!["totalCount"]!.GetValue<int>();

    /// <summary>Another Host on the same database: its own count cache, the same versions.</summary>
    private sealed class SecondInstance(LicensesAppFactory first) : LicensesAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:LicenseManager"] = first.ConnectionString };
    }
}
