namespace LicenseManager.Identity.Auth;

/// <summary>Our claims in access tokens, beside the standard <c>sub</c>, <c>email</c>, <c>email_verified</c>, <c>role</c>.</summary>
internal static class ClaimNames
{
    /// <summary>One claim per enterprise where the person is an admin (its id).</summary>
    public const string EnterpriseAdmin = "enterprise_admin";

    /// <summary>One claim per enterprise where the person is a learner.</summary>
    public const string EnterpriseLearner = "enterprise_learner";

    /// <summary>The enterprise a partner client acts for.</summary>
    public const string ClientEnterprise = "enterprise";

    /// <summary><c>user</c>, <c>partner</c>, <c>provisioning</c> or <c>operator_service</c>.</summary>
    public const string ClientKind = "client_kind";

    /// <summary>Application properties of a service client (OpenIddict application <c>Properties</c>).</summary>
    public const string RoleProperty = "role";

    public const string EnterpriseProperty = "enterprise";

    /// <summary>The audience of access tokens that carry the <c>api</c> scope.</summary>
    public const string ApiAudience = "license-manager";

    public const string CliClientId = "license-manager-cli";

    /// <summary>
    /// The user's security stamp when the grant was made; kept in authorization codes and refresh tokens only
    /// (no destination), so a reset or password change (a new stamp) makes them worthless.
    /// </summary>
    public const string SecurityStamp = "lm_security_stamp";
}
