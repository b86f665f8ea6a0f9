using LicenseManager.Licenses.Contracts;

namespace LicenseManager.Subscriptions.Data;

/// <summary>Prior plan → future plan. One renewal per prior plan and one origin per future plan; chains allowed.</summary>
internal sealed class SubscriptionPlanRenewal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EnterpriseCustomerId { get; init; }

    public Guid PriorPlanId { get; init; }

    /// <summary>Null until processing creates the future plan (or given at creation).</summary>
    public Guid? RenewedPlanId { get; set; }

    public int NumberOfLicenses { get; set; }

    public DateTimeOffset EffectiveDate { get; set; }

    public DateTimeOffset RenewedExpirationDate { get; set; }

    public string? RenewedPlanTitle { get; set; }

    public string? SalesforceOpportunityId { get; set; }

    public LicenseTypesToCopy LicenseTypesToCopy { get; set; } = LicenseTypesToCopy.AssignedAndActivated;

    public bool DisableAutoApplyLicenses { get; set; }

    public bool ExemptFromBatchProcessing { get; set; }

    public bool Processed { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
