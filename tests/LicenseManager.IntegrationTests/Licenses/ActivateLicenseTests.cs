using LicenseManager.Identity.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class ActivateLicenseTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    [Fact]
    public async Task Activate_OwnKey_ActivatesAndSetsUser_SecondCallIsIdempotent()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var plan = await scenario.PlanAsync();
        var (email, learner, key) = await scenario.AssignedLearnerAsync(plan);

        var first = (await LearnerApi.ActivateAsync(learner, key)).Data!["activateLicense"]!;
        var second = (await LearnerApi.ActivateAsync(learner, key)).Data!["activateLicense"]!;

        first["errors"].ShouldBeNull();
        first["license"]!["status"]!.GetValue<string>().ShouldBe("ACTIVATED");
        first["license"]!["userEmail"]!.GetValue<string>().ShouldBe(email);
        first["license"]!["userId"]!.GetValue<string>().ShouldBe(await LearnerApi.UserIdAsync(learner));
        second["errors"].ShouldBeNull();
        second["license"]!["id"]!.GetValue<string>().ShouldBe(first["license"]!["id"]!.GetValue<string>());
        second["license"]!["activatedAt"]!.GetValue<string>().ShouldBe(first["license"]!["activatedAt"]!.GetValue<string>());
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Assigned, counts.Activated).ShouldBe((0, 1));
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE plan_id = @p AND kind = 3", ("p", plan.PlanId))).ShouldBe(1);
    }

    [Fact]
    public async Task Activate_SomebodyElsesKey_NotFound()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var plan = await scenario.PlanAsync();
        var (_, _, key) = await scenario.AssignedLearnerAsync(plan);
        var thief = await app.UserAsync(IdentityRoles.Learner, scenario.Enterprise);

        var payload = (await LearnerApi.ActivateAsync(thief, key)).Data!["activateLicense"]!;

        payload["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("LICENSE_NOT_FOUND");
        payload["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith("No current license exists for the email ");
        (await app.CountsAsync(plan.PlanId)).Activated.ShouldBe(0);
    }

    [Fact]
    public async Task Activate_RevokedLicense_IsAnError()
    {
        var scenario = await LearnerScenario.CreateAsync(app);
        var plan = await scenario.PlanAsync();
        var (_, learner, key) = await scenario.AssignedLearnerAsync(plan);
        await app.ScalarAsync("UPDATE licenses.licenses SET status = 3, revoked_at = now() WHERE activation_key = @k", ("k", Guid.Parse(key)));

        var payload = (await LearnerApi.ActivateAsync(learner, key)).Data!["activateLicense"]!;

        payload["errors"]![0]!["message"]!.GetValue<string>().ShouldBe("Cannot activate a revoked license.");
    }

    [Fact]
    public async Task Activate_Anonymous_NotAuthenticated()
    {
        var response = await LearnerApi.ActivateAsync(app.CreateGqlClient(), Guid.NewGuid().ToString());

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }
}
