namespace LicenseManager.Licenses.Access;

/// <summary>Configuration section <c>Licenses</c>.</summary>
internal sealed class LicensesOptions
{
    /// <summary>
    /// The HMAC key of contentAccess checksums, shared with the services that verify them. Without it grants
    /// carry no checksum.
    /// </summary>
    public string? ChecksumSecret { get; set; }

    /// <summary>
    /// How long an instance reuses plan terms, catalog membership and an all-activated learner's licenses in
    /// contentAccess: the bound within which a revocation, a plan change (deactivation, dates, catalog) or a
    /// catalog change stops a grant on every instance. Zero turns the caches off.
    /// </summary>
    public TimeSpan EntitlementCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
