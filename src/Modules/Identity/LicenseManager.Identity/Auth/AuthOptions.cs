namespace LicenseManager.Identity.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The fixed issuer every instance uses (required in Production), e.g. <c>https://api.example.com/</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The public base URL links in emails (verification, password reset) start with, e.g. <c>https://id.example.com</c>;
    /// defaults to <see cref="Issuer"/>. Development sets it in appsettings.Development.json.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Allows the password grant through the public client <c>license-manager-cli</c> (development, tests).</summary>
    public bool EnablePasswordFlow { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a signed entitlement assertion (from <c>contentAccess</c>) stays valid.</summary>
    public TimeSpan EntitlementAssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often token and authorization rows past their use are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows older than this are pruned (once expired or revoked).</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(14);

    public CertificateOptions? SigningCertificate { get; set; }

    public CertificateOptions? EncryptionCertificate { get; set; }

    /// <summary>Browser origins of the portals, allowed by CORS on <c>/connect/*</c> and <c>/graphql</c>.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Limits on sign-in attempts and account mail (<see cref="SignInRateLimits"/>).</summary>
    public RateLimitsOptions RateLimits { get; set; } = new();

    /// <summary>The portals' public clients (authorization code + PKCE), created or updated at startup.</summary>
    public List<PortalClientOptions> Portals { get; set; } = [];
}

/// <summary>Configuration section <c>Auth:RateLimits</c>.</summary>
internal sealed class RateLimitsOptions
{
    /// <summary>Per client address (after trusted forwarded headers): enough for an office behind one NAT.</summary>
    public RateLimitOptions PerAddress { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Per account named in the request: a person mistyping a few times is never stopped by it.</summary>
    public RateLimitOptions PerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(15) };
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
internal sealed class RateLimitOptions
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>A PFX certificate: a file path or base64 content, and its password.</summary>
internal sealed class CertificateOptions
{
    public string? Path { get; set; }

    public string? Base64 { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Base64);
}

internal sealed class PortalClientOptions
{
    public string ClientId { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string[] RedirectUris { get; set; } = [];

    public string[] PostLogoutRedirectUris { get; set; } = [];
}
