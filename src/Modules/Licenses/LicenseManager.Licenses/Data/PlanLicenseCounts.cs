namespace LicenseManager.Licenses.Data;

/// <summary>
/// Per-plan counters kept by statement-level triggers on <c>licenses.licenses</c> (every INSERT, UPDATE,
/// DELETE and COPY adjusts them in the same statement), so counts never scan a plan's licenses.
/// <see cref="RevocationsApplied"/> is written by revocation only.
/// </summary>
internal sealed class PlanLicenseCounts
{
    public Guid SubscriptionPlanId { get; set; }

    public long Unassigned { get; set; }

    public long Assigned { get; set; }

    public long Activated { get; set; }

    public long Revoked { get; set; }

    public int RevocationsApplied { get; set; }

    /// <summary>Set once when the cap was exhausted and operators were notified (notify once).</summary>
    public bool CapReachedNotified { get; set; }

    /// <summary>
    /// The highest utilization notice queued for the plan: 0, 75 or 100 (percent allocated). Only ever raised, by a
    /// conditional UPDATE of this row, so each notice is queued once per plan and a higher one suppresses the lower.
    /// </summary>
    public int UtilizationNotified { get; set; }
    /// A stamp from <c>licenses.license_count_versions</c> that every statement changing the plan's licenses
    /// (insert, update of any column, delete) renews in its own transaction: equal stamps mean equal rows,
    /// so a count read with a stamp stays exact while the stamp does (<c>LicenseTotals</c>' count cache).
    /// From a sequence, so a stamp is never reused, not even by a counter row created again.
    /// </summary>
    public long Version { get; set; }
}
