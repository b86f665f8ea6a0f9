namespace LicenseManager.Subscriptions.Contracts;

/// <summary>
/// What other modules need to know about a subscription plan to decide on its licenses: dates, state, catalog,
/// enterprise, revocation-cap settings and the renewal lock. A snapshot; plans change rarely.
/// </summary>
/// <param name="PlanId">The plan's UUID.</param>
/// <param name="EnterpriseCustomerId">The enterprise the plan belongs to (through its customer agreement).</param>
/// <param name="Title">The plan's title.</param>
/// <param name="StartDate">When the plan starts (inclusive).</param>
/// <param name="ExpirationDate">When the plan expires (inclusive).</param>
/// <param name="IsActive">The operator's switch; an inactive plan grants nothing.</param>
/// <param name="CatalogId">The catalog whose content the plan's licenses open (the plan's own, else the agreement's default); null when neither is set.</param>
/// <param name="IsRevocationCapEnabled">Whether revoking ACTIVATED licenses is capped.</param>
/// <param name="RevokeMaxPercentage">The cap, 0–100, as a percentage of live licenses.</param>
/// <param name="ShouldAutoApplyLicenses">Whether learners of the enterprise get a license of this plan on first visit.</param>
/// <param name="ForInternalUseOnly">Internal plans (may exceed 1,000,000 licenses).</param>
/// <param name="RenewalEffectiveDate">The effective date of this plan's unprocessed renewal, if any (drives the renewal lock).</param>
/// <param name="DisableOnboardingNotifications">The agreement's switch for assignment/activation mails.</param>
/// <param name="DisableExpirationNotifications">The agreement's switch for expiration mails.</param>
public sealed record PlanTerms(
    Guid PlanId,
    Guid EnterpriseCustomerId,
    string Title,
    DateTimeOffset StartDate,
    DateTimeOffset ExpirationDate,
    bool IsActive,
    Guid? CatalogId,
    bool IsRevocationCapEnabled,
    int RevokeMaxPercentage,
    bool ShouldAutoApplyLicenses,
    bool ForInternalUseOnly,
    DateTimeOffset? RenewalEffectiveDate,
    bool DisableOnboardingNotifications,
    bool DisableExpirationNotifications)
{
    /// <summary>How long before a renewal's effective date assign and revoke on the prior plan are refused.</summary>
    public static readonly TimeSpan RenewalLockWindow = TimeSpan.FromHours(12);

    /// <summary>Started and not yet expired at <paramref name="now"/> (both ends inclusive).</summary>
    public bool IsCurrent(DateTimeOffset now) => StartDate <= now && now <= ExpirationDate;

    /// <summary>Active and current: the plan's licenses grant access now.</summary>
    public bool IsInEffect(DateTimeOffset now) => IsActive && IsCurrent(now);

    /// <summary>Within <see cref="RenewalLockWindow"/> before an unprocessed renewal's effective date (or past it).</summary>
    public bool IsLockedForRenewal(DateTimeOffset now) =>
        RenewalEffectiveDate is { } effective && now >= effective - RenewalLockWindow;
}
