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
    private readonly TimedCache<(Guid Catalog, string Key), bool> _membership = new(clock, options.Value.EntitlementCacheDuration);
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
        foreach (var key in keys)
        {
            License? best = null;
            PlanTerms? bestPlan = null;
            var reason = ContentAccessDenialReason.NoLicense;
            foreach (var license in held)
            {
                var plan = plans[license.SubscriptionPlanId];
                var denial = Decide(license, plan, key, contained, now);
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

    /// <summary>Why <paramref name="license"/> does not open <paramref name="key"/> now, or null when it does.</summary>
    public static ContentAccessDenialReason? Decide(
        License license, PlanTerms? plan, string key, IReadOnlySet<(Guid Catalog, string Key)> contained, DateTimeOffset now)
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

        if (plan.CatalogId is not { } catalog || !contained.Contains((catalog, key)))
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

    private async Task<IReadOnlySet<(Guid Catalog, string Key)>> ContainedAsync(
        IReadOnlyList<License> held, IReadOnlyDictionary<Guid, PlanTerms?> plans, IReadOnlyList<string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only catalogs of plans in effect can grant; one membership query per such catalog (usually one).
        var catalogs = held.Select(l => plans[l.SubscriptionPlanId]).OfType<PlanTerms>()
            .Where(p => p.IsInEffect(now) && p.CatalogId is not null).Select(p => p.CatalogId!.Value).Distinct().ToList();
        var pairs = catalogs.SelectMany(c => keys.Select(k => (c, k))).ToList();
        if (pairs.Count == 0)
        {
            return new HashSet<(Guid, string)>();
        }

        var answers = await _membership.GetManyAsync(
            pairs,
            async missing =>
            {
                var found = new Dictionary<(Guid Catalog, string Key), bool>();
                foreach (var group in missing.GroupBy(p => p.Catalog))
                {
                    var inCatalog = await membership.ContainedKeysAsync(group.Key, group.Select(p => p.Key).ToList(), cancellationToken);
                    foreach (var pair in group)
                    {
                        found[pair] = inCatalog.Contains(pair.Key);
                    }
                }

                return found;
            },
            _ => false);
        return answers.Where(a => a.Value).Select(a => a.Key).ToHashSet();
    }
}
