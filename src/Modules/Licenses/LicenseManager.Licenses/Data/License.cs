using LicenseManager.Licenses.Contracts;

namespace LicenseManager.Licenses.Data;

/// <summary>
/// One seat of a plan. Stored as an integer status so keyset cursors and the counters compare numbers.
/// <see cref="EnterpriseCustomerId"/> is copied from the plan so every tenant-scoped lookup stays in this schema.
/// </summary>
internal sealed class License : ILicenseRef
{
    public Guid Id { get; set; }

    public Guid SubscriptionPlanId { get; set; }

    public Guid EnterpriseCustomerId { get; set; }

    public LicenseStatus Status { get; set; }

    /// <summary>Lower-case; null while unassigned and after scrubbing.</summary>
    public string? UserEmail { get; set; }

    public Guid? UserId { get; set; }

    public Guid? ActivationKey { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? LastRemindedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool AutoApplied { get; set; }

    public Guid? RenewedToId { get; set; }

    public Guid? RenewedFromId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal enum LicenseStatus
{
    Unassigned = 0,
    Assigned = 1,
    Activated = 2,
    Revoked = 3,
}
