using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Terms;

/// <summary>Plan terms in one query per call: plans joined to their agreement and their unprocessed renewal.</summary>
internal sealed class PlanTermsReader(IDbContextFactory<SubscriptionsDbContext> factory) : IPlanTerms
{
    public async Task<IReadOnlyDictionary<Guid, PlanTerms>> GetManyAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count == 0)
        {
            return new Dictionary<Guid, PlanTerms>();
        }

        var ids = planIds.Distinct().ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var terms = await Query(db, db.SubscriptionPlans.Where(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
        return terms.ToDictionary(t => t.PlanId);
    }

    public async Task<IReadOnlyList<PlanTerms>> ForEnterpriseAsync(Guid enterpriseCustomerId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Query(db, db.SubscriptionPlans.Where(p => p.EnterpriseCustomerId == enterpriseCustomerId)).ToListAsync(cancellationToken);
    }

    /// <summary>Also used inside the module's own unit of work (renewal processing, mutations).</summary>
    public static IQueryable<PlanTerms> Query(SubscriptionsDbContext db, IQueryable<SubscriptionPlan> plans) =>
        from p in plans.AsNoTracking()
        join a in db.CustomerAgreements on p.CustomerAgreementId equals a.Id
        select new PlanTerms(
            p.Id,
            p.EnterpriseCustomerId,
            p.Title,
            p.StartDate,
            p.ExpirationDate,
            p.IsActive,
            p.CatalogId,
            p.IsRevocationCapEnabled,
            p.RevokeMaxPercentage,
            p.ShouldAutoApplyLicenses,
            p.ForInternalUseOnly,
            db.Renewals.Where(r => r.PriorPlanId == p.Id && !r.Processed).Select(r => (DateTimeOffset?)r.EffectiveDate).FirstOrDefault(),
            a.DisableOnboardingNotifications,
            a.DisableExpirationNotifications);
}
