namespace LicenseManager.Identity.Contracts;

/// <summary>
/// Signs entitlement assertions: short-lived compact JWS (RS256) signed with the server's token signing key, so any
/// service can verify one offline with the public keys published at the OpenID discovery / JWKS endpoints
/// (docs/entitlement-assertions.md). Unlike the shared-secret checksum it needs no secret per partner.
/// </summary>
public interface IEntitlementAssertions
{
    /// <summary>How long an assertion is valid (configuration <c>Auth:EntitlementAssertionLifetime</c>).</summary>
    TimeSpan Lifetime { get; }

    /// <summary>
    /// A compact JWS for one granted content key. It expires after <see cref="Lifetime"/>, or when the license
    /// does if that is sooner.
    /// </summary>
    string Sign(EntitlementGrant grant);
}

/// <summary>One granted key: who, in which enterprise, which content, through which license (and until when it runs).</summary>
public sealed record EntitlementGrant(
    Guid? LearnerId,
    string? LearnerEmail,
    Guid EnterpriseId,
    string ContentKey,
    Guid LicenseId,
    DateTimeOffset? LicenseExpiresAt = null);

/// <summary>What an assertion looks like, for signers and verifiers.</summary>
public static class EntitlementAssertion
{
    /// <summary>The JOSE <c>typ</c> header: explicit typing, so an access token is never taken for an assertion or back.</summary>
    public const string TokenType = "entitlement+jwt";

    /// <summary>The <c>aud</c> claim.</summary>
    public const string Audience = "license-manager-entitlements";

    /// <summary>The learner's email, when known (besides <c>iss</c>, <c>aud</c>, <c>sub</c> = user id, <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>jti</c>).</summary>
    public const string EmailClaim = "email";

    /// <summary>The enterprise customer id (hyphenated lower-case UUID).</summary>
    public const string EnterpriseClaim = "enterprise";

    /// <summary>The granted content key.</summary>
    public const string ContentKeyClaim = "content_key";

    /// <summary>The granting license's id (hyphenated lower-case UUID).</summary>
    public const string LicenseClaim = "license";
}
