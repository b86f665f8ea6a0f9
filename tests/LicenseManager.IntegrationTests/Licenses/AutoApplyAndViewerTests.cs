using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class AutoApplyAndViewerTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string AutoApply = """
        mutation($input: AutoApplyLicenseInput!) {
          autoApplyLicense(input: $input) { license { id status userEmail autoApplied } errors { __typename ... on Error { message code } } }
        }
        """;

    private const string MyLicenses = """
        query($e: UUID, $revoked: Boolean, $current: Boolean) {
          me { licenses(enterpriseCustomerId: $e, includeRevoked: $revoked, currentPlansOnly: $current) { id status userEmail } }
        }
        """;

    [Fact]
    public async Task AutoApply_FirstVisit_ActivatesALicense_SecondVisit_ReturnsTheSame()
    {
        var enterprise = Guid.NewGuid();
        var plan = await app.PlanAsync(enterprise, 3, p => p with { ShouldAutoApplyLicenses = true });
        var learner = await app.UserAsync(IdentityRoles.Learner, enterprise);

        var first = (await learner.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } }))["autoApplyLicense"]!;
        var second = (await learner.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } }))["autoApplyLicense"]!;

        first["license"]!["status"]!.GetValue<string>().ShouldBe("ACTIVATED");
        first["license"]!["autoApplied"]!.GetValue<bool>().ShouldBeTrue();
        second["license"]!["id"]!.GetValue<string>().ShouldBe(first["license"]!["id"]!.GetValue<string>());
        (await app.CountsAsync(plan.PlanId)).Activated.ShouldBe(1);
    }

    [Fact]
    public async Task AutoApply_LatestStartedAutoApplyPlanWins_InactiveOnesIgnored()
    {
        var enterprise = Guid.NewGuid();
        var now = app.Clock.GetUtcNow();
        await app.PlanAsync(enterprise, 3, p => p with { ShouldAutoApplyLicenses = true, StartDate = now.AddDays(-30) });
        var latest = await app.PlanAsync(enterprise, 3, p => p with { ShouldAutoApplyLicenses = true, StartDate = now.AddDays(-2) });
        await app.PlanAsync(enterprise, 3, p => p with { ShouldAutoApplyLicenses = true, StartDate = now.AddDays(-1), IsActive = false });
        var learner = await app.UserAsync(IdentityRoles.Learner, enterprise);

        await learner.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } });

        (await app.CountsAsync(latest.PlanId)).Activated.ShouldBe(1);
    }

    [Fact]
    public async Task AutoApply_NoPlan_NoLicensesLeft_RevokedBefore_AreErrors()
    {
        var withoutPlan = Guid.NewGuid();
        await AgreementAsync(withoutPlan);
        var learner = await app.UserAsync(IdentityRoles.Learner, withoutPlan);
        var full = Guid.NewGuid();
        await app.PlanAsync(full, 0, p => p with { ShouldAutoApplyLicenses = true });
        var late = await app.UserAsync(IdentityRoles.Learner, full);
        var revokedEnterprise = Guid.NewGuid();
        var plan = await app.PlanAsync(revokedEnterprise, 2, p => p with { ShouldAutoApplyLicenses = true });
        var email = await app.AddUserAsync(IdentityRoles.Learner, revokedEnterprise);
        await LicenseApi.AssignOkAsync(await app.UserAsync(IdentityRoles.EnterpriseAdmin, revokedEnterprise), plan.PlanId, email);
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 3 WHERE plan_id = @p AND user_email = @e", ("p", plan.PlanId), ("e", email));

        (await CodeAsync(learner, withoutPlan)).ShouldBe("NO_AUTO_APPLY_PLAN");
        (await CodeAsync(late, full)).ShouldBe("NO_LICENSES_REMAINING");
        (await CodeAsync(await app.SignedInAsync(email), revokedEnterprise)).ShouldBe("NOT_ELIGIBLE");
    }

    [Fact]
    public async Task AutoApply_EnterpriseWithoutAgreement_IsTheSharedError_AnotherEnterprise_IsRefused()
    {
        var unknown = Guid.NewGuid();
        var member = await app.UserAsync(IdentityRoles.Learner, unknown);
        var elsewhere = Guid.NewGuid();
        await app.PlanAsync(elsewhere, 3, p => p with { ShouldAutoApplyLicenses = true });

        var error = (await member.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = unknown } }))["autoApplyLicense"]!["errors"]![0]!;
        var refused = await member.PostAsync(AutoApply, new { input = new { enterpriseCustomerId = elsewhere } });

        error["__typename"]!.GetValue<string>().ShouldBe("EnterpriseWithoutAgreementError");
        error["code"]!.GetValue<string>().ShouldBe("ENTERPRISE_NOT_FOUND");
        refused.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    private async Task<string> CodeAsync(IntegrationTests.Infrastructure.GqlClient client, Guid enterprise) =>
        (await client.QueryAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } }))["autoApplyLicense"]!["errors"]![0]!["code"]!.GetValue<string>();

    private async Task AgreementAsync(Guid enterprise)
    {
        var data = await (await app.OperatorAsync()).QueryAsync(
            "mutation($input: CreateCustomerAgreementInput!) { createCustomerAgreement(input: $input) { errors { __typename } } }",
            new { input = new { enterpriseCustomerId = enterprise } });
        data["createCustomerAgreement"]!["errors"].ShouldBeNull();
    }

    [Fact]
    public async Task AutoApply_Concurrently_ManyLearnersOneEach_SameLearnerOnce()
    {
        var enterprise = Guid.NewGuid();
        var plan = await app.PlanAsync(enterprise, 5, p => p with { ShouldAutoApplyLicenses = true });
        var learners = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.UserAsync(IdentityRoles.Learner, enterprise)));
        var same = learners[0];

        var calls = learners.Select(l => l.PostAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } }))
            .Concat(Enumerable.Range(0, 4).Select(_ => same.PostAsync(AutoApply, new { input = new { enterpriseCustomerId = enterprise } })));
        var responses = await Task.WhenAll(calls);

        responses.ShouldAllBe(r => r.Errors == null);
        var codes = responses.Select(r => r.Data!["autoApplyLicense"]!["errors"]?[0]?["code"]?.GetValue<string>() ?? "OK").ToList();
        codes.Where(c => c != "OK").ShouldAllBe(c => c == "NO_LICENSES_REMAINING");
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Activated, counts.Unassigned).ShouldBe((5, 0));
        (await app.ScalarAsync("SELECT count(DISTINCT user_id) FROM licenses.licenses WHERE plan_id = @p AND status = 2", ("p", plan.PlanId))).ShouldBe(5);
    }

    [Fact]
    public async Task MeLicenses_OwnByEmailAndUserId_SwitchesForRevokedAndCurrent()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow();
        var current = await scenario.PlanAsync();
        var expired = await scenario.PlanAsync(adjust: p => p with { ExpirationDate = now.AddDays(-1), StartDate = now.AddDays(-10) });
        var email = await app.AddUserAsync(IdentityRoles.Learner, scenario.Enterprise);
        var (_, learner, _) = await scenario.ActivatedLearnerAsync(current, email);
        await app.ScalarAsync(
            "UPDATE licenses.licenses SET status = 1, user_email = @e, activation_key = gen_random_uuid() WHERE id = (SELECT id FROM licenses.licenses WHERE plan_id = @p LIMIT 1)",
            ("p", expired.PlanId), ("e", email));
        var other = await app.UserAsync(IdentityRoles.Learner, scenario.Enterprise);

        var mine = (await learner.QueryAsync(MyLicenses, new { e = scenario.Enterprise }))["me"]!["licenses"]!.AsArray();
        var withExpired = (await learner.QueryAsync(MyLicenses, new { e = scenario.Enterprise, current = false }))["me"]!["licenses"]!.AsArray();
        var others = (await other.QueryAsync(MyLicenses, new { e = scenario.Enterprise }))["me"]!["licenses"]!.AsArray();

        mine.Select(l => l!["status"]!.GetValue<string>()).ShouldBe(["ACTIVATED"]);
        withExpired.Select(l => l!["status"]!.GetValue<string>()).ShouldBe(["ASSIGNED", "ACTIVATED"]);
        others.ShouldBeEmpty();
    }

    [Fact]
    public async Task RetireUser_Operator_ReturnsActivatedToPool_ScrubsHistory()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var plan = await scenario.PlanAsync();
        var (email, learner, _) = await scenario.ActivatedLearnerAsync(plan);
        var userId = await LearnerApi.UserIdAsync(learner);
        const string retire = "mutation($input: RetireUserInput!) { retireUser(input: $input) { numUnassigned numScrubbed } }";

        var refused = await scenario.Admin.PostAsync(retire, new { input = new { userId } });
        var done = (await (await app.OperatorAsync()).QueryAsync(retire, new { input = new { userId } }))["retireUser"]!;

        refused.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
        done["numUnassigned"]!.GetValue<int>().ShouldBe(1);
        (await app.CountsAsync(plan.PlanId)).Unassigned.ShouldBe(5);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE email_before = @e OR email_after = @e", ("e", email))).ShouldBe(0);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE user_email = @e", ("e", email))).ShouldBe(0);
    }
}
