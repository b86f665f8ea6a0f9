using LicenseManager.Catalog.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.Options;

namespace LicenseManager.Licenses.Access;

internal enum ContentAccessDenialReason
{
    NoLicense,
    LicenseNotActivated,
    PlanInactive,
    PlanNotStarted,
    PlanExpired,
    NotInCatalog,
}

internal sealed record ContentAccess(string ContentKey, bool Granted, ContentAccessDenialReason? Reason, License? License, string? Checksum);

/// <summary>
/// "May learner L open content K1..Kn under enterprise E?" The learner's live licenses in E (one indexed query;
/// kept for the cache duration only when all are ACTIVATED), plan terms and catalog membership come from
/// short-lived caches (<see cref="LicensesOptions.EntitlementCacheDuration"/>, default 5 s: the bound within which
/// a revocation, a plan change or a catalog change stops a grant on every instance), loaded for all keys at once.
/// </summary>
internal sealed class Entitlements(
    LearnerLicenses licenses, IPlanTerms planTerms, ICatalogMembership membership, TimeProvider clock, IOptions<LicensesOptions> options)
{
    private readonly TimedCache<Guid, PlanTerms?> _plans = new(clock, options.Value.EntitlementCacheDuration);
    private readonly CatalogKeyCache _membership = new(clock, options.Value.EntitlementCacheDuration);
    private readonly ActivatedLicenseCache _activated = new(clock, options.Value.EntitlementCacheDuration);
    private readonly ChecksumSigner? _signer = options.Value.ChecksumSecret is { Length: > 0 } secret ? new(System.Text.Encoding.UTF8.GetBytes(secret)) : null;

    public async Task<IReadOnlyList<ContentAccess>> CheckAsync(
        Guid enterpriseId, Guid? userId, string? email, IReadOnlyList<string> contentKeys, CancellationToken cancellationToken)
    {
        var keys = contentKeys.Distinct(StringComparer.Ordinal).ToList();
        if (!_activated.TryGet(enterpriseId, userId, email, out var held))
        {
            held = await licenses.LiveInEnterpriseAsync(enterpriseId, userId, email, cancellationToken);
            _activated.Offer(enterpriseId, userId, email, held);
        }

        if (held.Count == 0)
        {
            return keys.Select(k => new ContentAccess(k, false, ContentAccessDenialReason.NoLicense, null, null)).ToList();
        }

        var now = clock.GetUtcNow();
        var plans = await _plans.GetManyAsync(
            held.Select(l => l.SubscriptionPlanId).Distinct().ToList(),
            async ids => (await planTerms.GetManyAsync(ids, cancellationToken)).ToDictionary(p => p.Key, p => (PlanTerms?)p.Value),
            _ => null);
        var contained = await ContainedAsync(held, plans, keys, now, cancellationToken);

        var result = new List<ContentAccess>(keys.Count);
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            License? best = null;
            PlanTerms? bestPlan = null;
            var reason = ContentAccessDenialReason.NoLicense;
            foreach (var license in held)
            {
                var plan = plans[license.SubscriptionPlanId];
                var inCatalog = plan?.CatalogId is { } catalog && contained.TryGetValue(catalog, out var ofCatalog) && ofCatalog[k];
                var denial = Decide(license, plan, inCatalog, now);
                if (denial is null)
                {
                    if (bestPlan is null || plan!.ExpirationDate > bestPlan.ExpirationDate
                        || (plan.ExpirationDate == bestPlan.ExpirationDate && license.Id.CompareTo(best!.Id) < 0))
                    {
                        (best, bestPlan) = (license, plan);
                    }
                }
                else if (Closeness(denial.Value) < Closeness(reason))
                {
                    reason = denial.Value;
                }
            }

            var learner = best?.UserId ?? userId;
            result.Add(best is null
                ? new ContentAccess(key, false, reason, null, null)
                : new ContentAccess(key, true, null, best, _signer is { } signer && learner is { } u ? signer.Compute(u, key, best.Id) : null));
        }

        return result;
    }

    /// <summary>
    /// Why <paramref name="license"/> does not open a key now, or null when it does; <paramref name="inPlanCatalog"/>:
    /// the plan has a catalog and it holds the key.
    /// </summary>
    public static ContentAccessDenialReason? Decide(License license, PlanTerms? plan, bool inPlanCatalog, DateTimeOffset now)
    {
        if (plan is null || !plan.IsActive)
        {
            return ContentAccessDenialReason.PlanInactive;
        }

        if (now < plan.StartDate)
        {
            return ContentAccessDenialReason.PlanNotStarted;
        }

        if (now > plan.ExpirationDate)
        {
            return ContentAccessDenialReason.PlanExpired;
        }

        if (!inPlanCatalog)
        {
            return ContentAccessDenialReason.NotInCatalog;
        }

        return license.Status == LicenseStatus.Activated ? null : ContentAccessDenialReason.LicenseNotActivated;
    }

    /// <summary>With several licenses, the reason of the one nearest to granting is reported.</summary>
    public static int Closeness(ContentAccessDenialReason reason) => reason switch
    {
        ContentAccessDenialReason.LicenseNotActivated => 0,
        ContentAccessDenialReason.NotInCatalog => 1,
        ContentAccessDenialReason.PlanNotStarted => 2,
        ContentAccessDenialReason.PlanExpired => 3,
        ContentAccessDenialReason.PlanInactive => 4,
        _ => 5,
    };

    /// <summary>Per catalog of a plan in effect (usually one), whether it holds each key: one membership query per catalog for the keys not cached.</summary>
    private async Task<Dictionary<Guid, bool[]>> ContainedAsync(
        IReadOnlyList<License> held, IReadOnlyDictionary<Guid, PlanTerms?> plans, IReadOnlyList<string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only catalogs of plans in effect can grant.
        var contained = new Dictionary<Guid, bool[]>();
        foreach (var license in held)
        {
            if (plans[license.SubscriptionPlanId] is { CatalogId: { } catalog } plan && plan.IsInEffect(now) && !contained.ContainsKey(catalog))
            {
                contained[catalog] = await _membership.ContainsAsync(
                    catalog, keys, missing => membership.ContainedKeysAsync(catalog, missing, cancellationToken));
            }
        }

        return contained;
    }
}
