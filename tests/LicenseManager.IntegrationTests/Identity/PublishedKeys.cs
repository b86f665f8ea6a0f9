using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>
/// Verifies an entitlement assertion the way docs/entitlement-assertions.md tells a partner to: knowing only the
/// server's base URL, it reads the discovery document and the JWKS over HTTP and uses nothing else.
/// </summary>
public static class PublishedKeys
{
    public static async Task<TokenValidationResult> VerifyAsync(HttpClient http, string assertion, TimeProvider now)
    {
        var discovery = (await http.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        var jwks = new JsonWebKeySet(await http.GetStringAsync(discovery["jwks_uri"]!.GetValue<string>()));
        return await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = discovery["issuer"]!.GetValue<string>(),
            ValidAudience = EntitlementAssertion.Audience,
            ValidTypes = [EntitlementAssertion.TokenType],
            IssuerSigningKeys = jwks.GetSigningKeys(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // The partner's clock (a fake one in tests): valid from nbf, refused from exp on.
            LifetimeValidator = (notBefore, expires, _, _) =>
                notBefore <= now.GetUtcNow().UtcDateTime && now.GetUtcNow().UtcDateTime < expires,
        });
    }
}
