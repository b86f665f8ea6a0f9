using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.Extensions.Time.Testing;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary><c>contentAccess { assertion }</c>: per granted key, verifiable with only the published keys.</summary>
public sealed class ContentAccessAssertionTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Query = """
        query($e: UUID!, $keys: [String!]!) {
          contentAccess(enterpriseCustomerId: $e, contentKeys: $keys) { contentKey granted assertion license { id } }
        }
        """;

    [Fact]
    public async Task GrantedKey_CarriesAnAssertion_VerifiedWithOnlyThePublishedKeys_DeniedKeyHasNone()
    {
        var scenario = await LearnerScenario.CreateAsync(app, "course-v1:a");
        var plan = await scenario.PlanAsync();
        var (email, learner, licenseId) = await scenario.ActivatedLearnerAsync(plan);

        var data = await learner.QueryAsync(Query, new { e = scenario.Enterprise, keys = new[] { "course-v1:a", "course-v1:zzz" } });

        var access = data["contentAccess"]!.AsArray().ToDictionary(a => a!["contentKey"]!.GetValue<string>(), a => a!);
        access["course-v1:zzz"]["assertion"].ShouldBeNull();
        var assertion = access["course-v1:a"]["assertion"]!.GetValue<string>();
        using var http = app.CreateClient();
        var result = await PublishedKeys.VerifyAsync(http, assertion, app.Clock);
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        NodeId.TryDecodeGuid(licenseId, "License", out var license).ShouldBeTrue();
        result.Claims[EntitlementAssertion.LicenseClaim].ShouldBe(license.ToString());
        result.Claims[EntitlementAssertion.ContentKeyClaim].ShouldBe("course-v1:a");
        result.Claims[EntitlementAssertion.EnterpriseClaim].ShouldBe(scenario.Enterprise.ToString());
        result.Claims[EntitlementAssertion.EmailClaim].ShouldBe(email);
        var later = new FakeTimeProvider(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        (await PublishedKeys.VerifyAsync(http, assertion, later)).IsValid.ShouldBeFalse();
    }
}
