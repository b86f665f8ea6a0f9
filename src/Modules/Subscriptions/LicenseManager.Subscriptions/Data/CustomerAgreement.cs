namespace LicenseManager.Subscriptions.Data;

/// <summary>One per enterprise customer: its existence is what makes the enterprise exist here.</summary>
internal sealed class CustomerAgreement
{
    public const int MaxSlugLength = 128;
    public const int MaxNameLength = 255;
    public const int DefaultDaysBeforePurge = 90;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Immutable once created: every plan, license and catalog of the enterprise hangs off it.</summary>
    public Guid EnterpriseCustomerId { get; init; }

    public string? EnterpriseCustomerSlug { get; set; }

    public string? EnterpriseCustomerName { get; set; }

    public Guid? DefaultCatalogId { get; set; }

    public bool DisableExpirationNotifications { get; set; }

    public bool DisableOnboardingNotifications { get; set; }

    /// <summary>Retention window in days (licenses of long-expired plans, old revocations, stale assignments).</summary>
    public int LicenseDurationBeforePurgeDays { get; set; } = DefaultDaysBeforePurge;

    public bool EnableAutoScaling { get; set; }

    public int? AutoScalingMaxLicenses { get; set; }

    public int? AutoScalingThresholdPercentage { get; set; }

    public int? AutoScalingIncrementPercentage { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
