namespace LicenseManager.Licenses.Contracts;

/// <summary>
/// Licenses per status and revocations applied, for many plans in one query, served without scanning a plan's
/// licenses per request (maintained counters or an index-only count).
/// </summary>
public interface ILicenseCounts
{
    /// <summary>Counts for each plan among <paramref name="planIds"/>; a plan without licenses has all zeros.</summary>
    /// <param name="planIds">Plan UUIDs; duplicates allowed.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<Guid, LicenseCounts>> GetManyAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken);
}

/// <summary>One plan's licenses by status, and the revocations that consumed its cap.</summary>
/// <param name="PlanId">The plan's UUID.</param>
/// <param name="Unassigned">UNASSIGNED licenses.</param>
/// <param name="Assigned">ASSIGNED licenses.</param>
/// <param name="Activated">ACTIVATED licenses.</param>
/// <param name="Revoked">REVOKED licenses.</param>
/// <param name="RevocationsApplied">Revocations of ACTIVATED licenses counted against the revocation cap.</param>
public sealed record LicenseCounts(Guid PlanId, long Unassigned, long Assigned, long Activated, long Revoked, int RevocationsApplied)
{
    /// <summary>Every license, revoked included.</summary>
    public long Total => Unassigned + Assigned + Activated + Revoked;

    /// <summary>Licenses held by someone (ASSIGNED or ACTIVATED).</summary>
    public long Allocated => Assigned + Activated;
}
