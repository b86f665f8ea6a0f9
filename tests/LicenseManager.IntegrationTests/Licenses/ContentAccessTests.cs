using System.Security.Cryptography;
using System.Text;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// The entitlement check: every denial reason, across plan date boundaries on the fake clock, the checksum a
/// consumer recomputes, and the cache bound (a plan change stops grants once the cache duration has passed).
/// </summary>
public sealed class ContentAccessTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private static readonly string[] Keys = ["course-v1:a", "course-v1:b"];

    [Fact]
    public async Task ActivatedLicense_KeyInCatalog_GrantedWithVerifiableChecksum_OtherKeyNotInCatalog()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (_, learner, licenseId) = await scenario.ActivatedLearnerAsync(plan);

        var access = await LearnerApi.AccessAsync(learner, scenario.Enterprise, ["course-v1:a", "course-v1:zzz"]);

        access["course-v1:a"]["granted"]!.GetValue<bool>().ShouldBeTrue();
        access["course-v1:a"]["reason"].ShouldBeNull();
        access["course-v1:a"]["license"]!["id"]!.GetValue<string>().ShouldBe(licenseId);
        NodeId.TryDecodeGuid(await LearnerApi.UserIdAsync(learner), "User", out var userId).ShouldBeTrue();
        NodeId.TryDecodeGuid(licenseId, "License", out var license).ShouldBeTrue();
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(LicensesAppFactory.ChecksumSecret), Encoding.UTF8.GetBytes($"{userId}:course-v1:a:{license}")));
        access["course-v1:a"]["checksum"]!.GetValue<string>().ShouldBe(expected);
        access["course-v1:zzz"]["granted"]!.GetValue<bool>().ShouldBeFalse();
        access["course-v1:zzz"]["reason"]!.GetValue<string>().ShouldBe("NOT_IN_CATALOG");
        access["course-v1:zzz"]["checksum"].ShouldBeNull();
    }

    [Fact]
    public async Task NoLicense_NoLicense()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        await scenario.PlanAsync();
        var learner = await app.UserAsync(IdentityRoles.Learner, scenario.Enterprise);

        var access = await LearnerApi.AccessAsync(learner, scenario.Enterprise, Keys);

        access.Values.ShouldAllBe(a => a["reason"]!.GetValue<string>() == "NO_LICENSE");
    }

    [Fact]
    public async Task AssignedNotActivated_LicenseNotActivated()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (_, learner, _) = await scenario.AssignedLearnerAsync(plan);

        var access = await LearnerApi.AccessAsync(learner, scenario.Enterprise, Keys);

        access["course-v1:a"]["reason"]!.GetValue<string>().ShouldBe("LICENSE_NOT_ACTIVATED");
    }

    [Fact]
    public async Task PlanDates_AcrossStartAndExpiration_NotStartedThenGrantedThenExpired()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (email, _, _) = await scenario.ActivatedLearnerAsync(plan);
        var now = app.Clock.GetUtcNow();
        app.Plans.Set(plan with { StartDate = now.AddHours(1), ExpirationDate = now.AddHours(3) });
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // past the cache bound: the new dates apply

        (await ReasonAsync(email, scenario)).ShouldBe("PLAN_NOT_STARTED");
        app.Clock.Advance(TimeSpan.FromMinutes(59) - TimeSpan.FromSeconds(1));
        (await ReasonAsync(email, scenario)).ShouldBe("PLAN_NOT_STARTED");
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // exactly the start date: inclusive
        (await ReasonAsync(email, scenario)).ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromHours(2)); // exactly the expiration date: inclusive
        (await ReasonAsync(email, scenario)).ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await ReasonAsync(email, scenario)).ShouldBe("PLAN_EXPIRED");
    }

    [Fact]
    public async Task PlanDeactivated_StillGrantedWithinCacheBound_DeniedAfterIt()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (email, _, _) = await scenario.ActivatedLearnerAsync(plan);
        (await ReasonAsync(email, scenario)).ShouldBeNull();

        app.Plans.Set(plan with { IsActive = false });
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        (await ReasonAsync(email, scenario)).ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // 5 s: the stated bound (Licenses:EntitlementCacheDuration)

        (await ReasonAsync(email, scenario)).ShouldBe("PLAN_INACTIVE");
    }

    [Fact]
    public async Task Revoked_GrantStopsWithinTheCacheBound_OnEveryInstance()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (email, _, _) = await scenario.ActivatedLearnerAsync(plan);
        await using var second = new SecondInstance(app);
        await second.InitializeAsync();
        second.Plans.Set(plan);
        (await ReasonAsync(email, scenario)).ShouldBeNull();
        (await second.ReasonAsync(email, scenario.Enterprise)).ShouldBeNull();

        var revoke = await scenario.Admin.QueryAsync(
            "mutation($input: RevokeLicensesInput!) { revokeLicenses(input: $input) { numRevoked } }",
            new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = new[] { email } } });
        revoke["revokeLicenses"]!["numRevoked"]!.GetValue<int>().ShouldBe(1);
        (await ReasonAsync(email, scenario)).ShouldBeNull(); // within the stated bound an instance may still grant
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        second.Clock.Advance(TimeSpan.FromSeconds(5));

        (await ReasonAsync(email, scenario)).ShouldBe("NO_LICENSE");
        (await second.ReasonAsync(email, scenario.Enterprise)).ShouldBe("NO_LICENSE");
    }

    [Fact]
    public async Task AssignedThenActivated_GrantedAtOnce_NotHeldBackByACache()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (email, learner, key) = await scenario.AssignedLearnerAsync(plan);
        (await ReasonAsync(email, scenario)).ShouldBe("LICENSE_NOT_ACTIVATED");

        await LearnerApi.ActivateAsync(learner, key);

        (await ReasonAsync(email, scenario)).ShouldBeNull();
    }

    /// <summary>Another Host on the same database, with its own caches and clock (as a second instance behind a load balancer).</summary>
    private sealed class SecondInstance(LicensesAppFactory first) : LicensesAppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:LicenseManager"] = first.ConnectionString };

        public async Task<string?> ReasonAsync(string email, Guid enterprise)
        {
            var learner = await SignedInAsync(email);
            var access = await LearnerApi.AccessAsync(learner, enterprise, ["course-v1:a"]);
            return access["course-v1:a"]["reason"]?.GetValue<string>();
        }
    }

    [Fact]
    public async Task TwoPlans_FurthestExpirationWins()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var now = app.Clock.GetUtcNow();
        var shorter = await scenario.PlanAsync(adjust: p => p with { ExpirationDate = now.AddDays(30) });
        var longer = await scenario.PlanAsync(adjust: p => p with { ExpirationDate = now.AddDays(300) });
        var email = await app.AddUserAsync(IdentityRoles.Learner, scenario.Enterprise);
        await scenario.ActivatedLearnerAsync(shorter, email);
        var (_, learner, longerLicense) = await scenario.ActivatedLearnerAsync(longer, email);

        var access = await LearnerApi.AccessAsync(learner, scenario.Enterprise, ["course-v1:a"]);

        access["course-v1:a"]["license"]!["id"]!.GetValue<string>().ShouldBe(longerLicense);
    }

    [Fact]
    public async Task Partner_NamesLearnerByEmail_OtherEnterprisesPartner_NotAuthorized()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (email, _, _) = await scenario.ActivatedLearnerAsync(plan);
        var partner = await app.ServiceAsync(IdentityRoles.Partner, scenario.Enterprise);
        var stranger = await app.ServiceAsync(IdentityRoles.Partner, Guid.NewGuid());

        var access = await LearnerApi.AccessAsync(partner, scenario.Enterprise, ["course-v1:a"], userEmail: email.ToUpperInvariant());
        var refused = await stranger.PostAsync(LearnerApi.ContentAccess, new { e = scenario.Enterprise, keys = new[] { "course-v1:a" }, userEmail = email });

        access["course-v1:a"]["granted"]!.GetValue<bool>().ShouldBeTrue();
        refused.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task Learner_NamingSomebodyElse_NotAuthorized()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (victim, _, _) = await scenario.ActivatedLearnerAsync(plan);
        var nosy = await app.UserAsync(IdentityRoles.Learner, scenario.Enterprise);

        var response = await nosy.PostAsync(LearnerApi.ContentAccess, new { e = scenario.Enterprise, keys = Keys, userEmail = victim });

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task OtherEnterprise_LicenseDoesNotCount()
    {
        var scenario = await LearnerScenario.CreateAsync(app, Keys);
        var plan = await scenario.PlanAsync();
        var (_, learner, _) = await scenario.ActivatedLearnerAsync(plan);

        var access = await LearnerApi.AccessAsync(learner, Guid.NewGuid(), Keys);

        access.Values.ShouldAllBe(a => a["reason"]!.GetValue<string>() == "NO_LICENSE");
    }

    [Fact]
    public async Task MoreThanHundredKeys_FieldError()
    {
        var learner = await app.UserAsync(IdentityRoles.Learner, Guid.NewGuid());

        var response = await learner.PostAsync(LearnerApi.ContentAccess, new { e = Guid.NewGuid(), keys = Enumerable.Range(0, 101).Select(i => $"k{i}").ToArray() });

        response.FirstErrorCode.ShouldBe("TOO_MANY_CONTENT_KEYS");
    }

    private async Task<string?> ReasonAsync(string email, LearnerScenario scenario)
    {
        // A fresh token each time: the fake clock also ages tokens.
        var learner = await app.SignedInAsync(email);
        var access = await LearnerApi.AccessAsync(learner, scenario.Enterprise, ["course-v1:a"]);
        return access["course-v1:a"]["reason"]?.GetValue<string>();
    }
}
