using System.Text.Json;

namespace LicenseManager.Subscriptions.Data;

/// <summary>
/// Append-only history of agreements, plans, products and renewals: who changed what, why, and the state
/// after the change (a JSON snapshot). Written in the transaction of the change itself.
/// </summary>
internal sealed class ChangeRecord
{
    public long Id { get; init; }

    public required string EntityType { get; init; }

    public Guid EntityId { get; init; }

    public Guid? EnterpriseCustomerId { get; init; }

    public ChangeKind Kind { get; init; }

    /// <summary>The token's subject: user id or client id.</summary>
    public required string Actor { get; init; }

    public ChangeReason? ChangeReason { get; init; }

    public DateTimeOffset At { get; init; }

    public required JsonDocument Snapshot { get; init; }
}

internal enum ChangeKind
{
    Created,
    Updated,
    Deleted,
    Processed,
}

/// <summary>Why a plan changed (the reference's provisioning reasons).</summary>
internal enum ChangeReason
{
    New,
    IncorrectUserInput,
    DelayedPayment,
    OrganizationRequestedChange,
    Other,
}
