namespace LicenseManager.Licenses.Data;

/// <summary>
/// Append-only history of a license's transitions. Plan and enterprise are copied so history can be
/// scrubbed or read per tenant without joining; <see cref="Actor"/> is who caused it (a user id, a client id,
/// or <c>system</c>).
/// </summary>
internal sealed class LicenseEvent
{
    public long Id { get; set; }

    public Guid LicenseId { get; set; }

    public Guid SubscriptionPlanId { get; set; }

    public Guid EnterpriseCustomerId { get; set; }

    public LicenseEventKind Kind { get; set; }

    public string Actor { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public LicenseStatus? StatusBefore { get; set; }

    public LicenseStatus StatusAfter { get; set; }

    public string? EmailBefore { get; set; }

    public string? EmailAfter { get; set; }
}

internal enum LicenseEventKind
{
    Created = 0,
    Assigned = 1,
    Reminded = 2,
    Activated = 3,
    Revoked = 4,
    Renewed = 5,
    Expired = 6,
    Unassigned = 7,
    Scrubbed = 8,
}
