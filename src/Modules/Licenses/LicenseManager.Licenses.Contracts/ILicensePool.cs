using LicenseManager.Platform.Data;

namespace LicenseManager.Licenses.Contracts;

/// <summary>
/// Creates and copies a plan's licenses, inside the caller's <see cref="UnitOfWork"/> so that the plan and its
/// licenses commit together or not at all. Set-based: binary COPY and single statements, never a row loop.
/// </summary>
public interface ILicensePool
{
    /// <summary>
    /// Makes the plan hold at least <paramref name="size"/> live (non-REVOKED) licenses by adding UNASSIGNED ones;
    /// never removes any. Returns how many were added.
    /// </summary>
    /// <param name="unit">The caller's unit of work (its transaction).</param>
    /// <param name="planId">The plan's UUID.</param>
    /// <param name="enterpriseCustomerId">The plan's enterprise (stored on every license for tenant-scoped lookups).</param>
    /// <param name="size">The number of live licenses the plan must hold.</param>
    /// <param name="cancellationToken">Cancels the work (the caller's transaction then rolls back).</param>
    Task<int> ProvisionAsync(UnitOfWork unit, Guid planId, Guid enterpriseCustomerId, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Renewal: copies the prior plan's licenses of the given kinds into the renewed plan (same email, user and
    /// activation key; the original points to its copy), then provisions the renewed plan up to
    /// <paramref name="numberOfLicenses"/>. Idempotent: licenses already copied are not copied again.
    /// Copies nothing and reports <see cref="RenewalCopyResult.Fits"/> false when the copies would exceed
    /// <paramref name="numberOfLicenses"/>.
    /// </summary>
    /// <param name="unit">The caller's unit of work.</param>
    /// <param name="priorPlanId">The plan being renewed.</param>
    /// <param name="renewedPlanId">The future plan.</param>
    /// <param name="enterpriseCustomerId">The enterprise of both plans.</param>
    /// <param name="licenseTypesToCopy">Which licenses to copy.</param>
    /// <param name="numberOfLicenses">The size of the renewed plan.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<RenewalCopyResult> CopyToRenewedPlanAsync(
        UnitOfWork unit,
        Guid priorPlanId,
        Guid renewedPlanId,
        Guid enterpriseCustomerId,
        LicenseTypesToCopy licenseTypesToCopy,
        int numberOfLicenses,
        CancellationToken cancellationToken);
}

/// <summary>Which of the prior plan's licenses a renewal copies.</summary>
public enum LicenseTypesToCopy
{
    /// <summary>ASSIGNED and ACTIVATED licenses.</summary>
    AssignedAndActivated,

    /// <summary>ACTIVATED licenses only.</summary>
    Activated,

    /// <summary>None.</summary>
    Nothing,
}

/// <summary>The outcome of <see cref="ILicensePool.CopyToRenewedPlanAsync"/>.</summary>
/// <param name="Fits">False when the licenses to copy exceed the renewed plan's size (nothing was copied).</param>
/// <param name="Copied">Licenses copied by this call.</param>
/// <param name="ToCopy">Licenses that had to be copied (for the error message when they do not fit).</param>
public sealed record RenewalCopyResult(bool Fits, int Copied, int ToCopy);
