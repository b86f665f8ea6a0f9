using System.Text;
using LicenseManager.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Signing keys from certificate files (as in production), a fixed issuer and a fake clock.</summary>
public sealed class AssertionFactory : SharedKeysFactory
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>
/// A partner's view: it knows only the server's base URL. It reads the discovery document and the JWKS over
/// HTTP and verifies assertions with those public keys, nothing else.
/// </summary>
public sealed class EntitlementAssertionTests(AssertionFactory factory) : IClassFixture<AssertionFactory>
{
    private static readonly EntitlementGrant Grant = new(
        Guid.NewGuid(), "learner@example.com", Guid.NewGuid(), "course-v1:edX+DemoX+Demo", Guid.NewGuid());

    [Fact]
    public async Task Assertion_VerifiesWithOnlyThePublishedKeys_AndCarriesTheGrant()
    {
        var assertion = Sign(Grant);

        var result = await VerifyAsync(assertion, factory.Clock);

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var claims = result.Claims;
        claims["sub"].ShouldBe(Grant.LearnerId!.Value.ToString());
        claims[EntitlementAssertion.EmailClaim].ShouldBe(Grant.LearnerEmail);
        claims[EntitlementAssertion.EnterpriseClaim].ShouldBe(Grant.EnterpriseId.ToString());
        claims[EntitlementAssertion.ContentKeyClaim].ShouldBe(Grant.ContentKey);
        claims[EntitlementAssertion.LicenseClaim].ShouldBe(Grant.LicenseId.ToString());
        var token = new JsonWebToken(assertion);
        token.Typ.ShouldBe(EntitlementAssertion.TokenType);
        (token.ValidTo - token.IssuedAt).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Assertion_IsRefusedAfterItExpires()
    {
        var assertion = Sign(Grant);
        var later = new FakeTimeProvider(factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var result = await VerifyAsync(assertion, later);

        result.IsValid.ShouldBeFalse();
        result.Exception.ShouldBeOfType<SecurityTokenInvalidLifetimeException>();
    }

    [Fact]
    public async Task Assertion_EndsWithTheLicense_WhenThatIsSooner()
    {
        var assertion = Sign(Grant with { LicenseExpiresAt = factory.Clock.GetUtcNow().AddMinutes(1) });

        (await VerifyAsync(assertion, factory.Clock)).IsValid.ShouldBeTrue();
        (await VerifyAsync(assertion, new FakeTimeProvider(factory.Clock.GetUtcNow().AddMinutes(2)))).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task TamperedAssertion_IsRefused()
    {
        var parts = Sign(Grant).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(Grant.ContentKey, "course-v1:Other+Course");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await VerifyAsync(tampered, factory.Clock);

        result.IsValid.ShouldBeFalse();
        result.Exception.ShouldBeAssignableTo<SecurityTokenInvalidSignatureException>();
    }

    [Fact]
    public async Task AccessToken_IsNotAnAssertion()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var accessToken = (await factory.Tokens().PasswordAsync(email, TestUsers.Password)).AccessToken;

        (await VerifyAsync(accessToken, TimeProvider.System)).IsValid.ShouldBeFalse();
    }

    private string Sign(EntitlementGrant grant) => factory.Services.GetRequiredService<IEntitlementAssertions>().Sign(grant);

    private async Task<TokenValidationResult> VerifyAsync(string assertion, TimeProvider now)
    {
        using var http = factory.CreateClient();
        return await PublishedKeys.VerifyAsync(http, assertion, now);
    }
}
