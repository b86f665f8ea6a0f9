using LicenseManager.Identity.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Signs with OpenIddict's first signing credential, the key it signs access tokens with and publishes in its
/// JWKS (same <c>kid</c>), and names the same issuer as its discovery document: a configured <c>Auth:Issuer</c>,
/// otherwise the request's base URL, as OpenIddict does.
/// </summary>
internal sealed class EntitlementAssertions(
    IOptionsMonitor<OpenIddictServerOptions> server,
    IOptions<AuthOptions> auth,
    IHttpContextAccessor http,
    TimeProvider clock) : IEntitlementAssertions
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => auth.Value.EntitlementAssertionLifetime;

    public string Sign(EntitlementGrant grant)
    {
        var options = server.CurrentValue;
        var credentials = options.SigningCredentials.FirstOrDefault()
            ?? throw new InvalidOperationException("OpenIddict has no signing credentials.");
        var now = clock.GetUtcNow();
        var expires = now + Lifetime;
        if (grant.LicenseExpiresAt is { } licenseEnds && licenseEnds < expires)
        {
            expires = licenseEnds;
        }

        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [EntitlementAssertion.EnterpriseClaim] = grant.EnterpriseId.ToString("D"),
            [EntitlementAssertion.ContentKeyClaim] = grant.ContentKey,
            [EntitlementAssertion.LicenseClaim] = grant.LicenseId.ToString("D"),
        };
        if (grant.LearnerId is { } learner)
        {
            claims[JwtRegisteredClaimNames.Sub] = learner.ToString("D");
        }

        if (grant.LearnerEmail is { } email)
        {
            claims[EntitlementAssertion.EmailClaim] = email;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(options),
            Audience = EntitlementAssertion.Audience,
            TokenType = EntitlementAssertion.TokenType,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    private string Issuer(OpenIddictServerOptions options)
    {
        if (options.Issuer is { } issuer)
        {
            return issuer.AbsoluteUri;
        }

        var request = http.HttpContext?.Request
            ?? throw new InvalidOperationException("Without Auth:Issuer, assertions can only be signed during a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
