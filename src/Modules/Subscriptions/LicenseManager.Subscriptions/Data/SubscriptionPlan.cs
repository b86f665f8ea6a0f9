using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Subscriptions.Data;

/// <summary>A number of licenses for an enterprise, valid between two dates, opening one catalog.</summary>
internal sealed class SubscriptionPlan : ISubscriptionPlanRef
{
    public const int MaxTitleLength = 128;
    public const int SalesforceIdLength = 18;
    public const int DefaultRevokeMaxPercentage = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CustomerAgreementId { get; init; }

    /// <summary>Copied from the agreement (immutable there) so tenant filters need no join.</summary>
    public Guid EnterpriseCustomerId { get; init; }

    public required string Title { get; set; }

    public DateTimeOffset StartDate { get; set; }

    public DateTimeOffset ExpirationDate { get; set; }

    public bool IsActive { get; set; }

    public Guid CatalogId { get; set; }

    public Guid ProductId { get; set; }

    public string? SalesforceOpportunityLineItem { get; set; }

    public bool IsRevocationCapEnabled { get; set; }

    public int RevokeMaxPercentage { get; set; } = DefaultRevokeMaxPercentage;

    public bool ShouldAutoApplyLicenses { get; set; }

    public bool ForInternalUseOnly { get; set; }

    public bool CanFreezeUnusedLicenses { get; set; }

    /// <summary>The size asked for; provisioning adds licenses up to it and never removes any.</summary>
    public int? DesiredNumLicenses { get; set; }

    public bool ExpirationProcessed { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
