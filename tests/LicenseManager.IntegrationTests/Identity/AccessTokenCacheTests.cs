using LicenseManager.Identity.Contracts;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>
/// /graphql caches access tokens that passed full validation (per exact header text, until the token's exp):
/// the cache must not keep an expired token alive, nor let a variant of a cached token through.
/// Uses the fake clock of <see cref="ExpiryAppFactory"/> (tokens live 5 minutes).
/// </summary>
public sealed class AccessTokenCacheTests(ExpiryAppFactory factory) : IClassFixture<ExpiryAppFactory>
{
    private const string MeQuery = "{ me { email } }";

    [Fact]
    public async Task CachedToken_WorksUntilItsExpiry_ThenIsRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var client = await factory.SignedInAsync(email);
        (await client.QueryAsync(MeQuery))["me"]!["email"]!.GetValue<string>().ShouldBe(email);

        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        (await client.PostAsync(MeQuery)).Errors.ShouldBeNull();

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await client.PostAsync(MeQuery)).FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task VariantsOfACachedToken_AreValidatedInFullAndRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var token = (await factory.Tokens().PasswordAsync(email, TestUsers.Password)).AccessToken;
        (await factory.CreateGqlClient().WithBearer(token).PostAsync(MeQuery)).Errors.ShouldBeNull();
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(email, "someone-else@example.com");
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x01;
        var noAudience = (await factory.Tokens().PasswordAsync(email, TestUsers.Password, scope: "email")).AccessToken;

        string[] refused =
        [
            $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}",   // another subject, the same signature
            $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}",  // one bit of the signature
            noAudience,                                                     // valid, but not for this API
        ];
        foreach (var variant in refused)
        {
            (await factory.CreateGqlClient().WithBearer(variant).PostAsync(MeQuery)).FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED", variant);
        }

        (await factory.CreateGqlClient().WithBearer(token).PostAsync(MeQuery)).Errors.ShouldBeNull();
    }
}
