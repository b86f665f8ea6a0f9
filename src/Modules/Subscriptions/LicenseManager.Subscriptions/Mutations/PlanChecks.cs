using LicenseManager.Catalog.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

/// <summary>What createSubscriptionPlan and updateSubscriptionPlan both do around the plan row.</summary>
internal static class PlanChecks
{
    public static async Task<(Product Product, PlanType Type)?> ProductAsync(SubscriptionsDbContext db, Guid productId, CancellationToken cancellationToken)
    {
        var row = await (from p in db.Products.AsNoTracking()
                         join t in db.PlanTypes.AsNoTracking() on p.PlanTypeId equals t.Id
                         where p.Id == productId
                         select new { p, t }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.p, row.t);
    }

    /// <summary>The catalog must exist and belong to the plan's enterprise (asked through Catalog's contract).</summary>
    public static async Task<MutationError?> CatalogAsync(ICatalogDirectory catalogs, Guid? catalogId, Guid enterpriseCustomerId, CancellationToken cancellationToken)
    {
        if (catalogId is not { } id)
        {
            return new CatalogRequiredError();
        }

        return await catalogs.EnterpriseOfAsync(id, cancellationToken) == enterpriseCustomerId
            ? null
            : new CatalogNotInEnterpriseError(NodeId.Encode(CatalogField.CatalogTypeName, id));
    }

    /// <summary>One auto-apply plan per agreement (a unique index): switching one on switches the others off first.</summary>
    public static Task<int> SwitchOffOtherAutoApplyPlansAsync(SubscriptionsDbContext db, Guid customerAgreementId, Guid keepPlanId, CancellationToken cancellationToken) =>
        db.SubscriptionPlans
            .Where(p => p.CustomerAgreementId == customerAgreementId && p.ShouldAutoApplyLicenses && p.Id != keepPlanId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ShouldAutoApplyLicenses, false), cancellationToken);

    /// <summary>The plan row locked for this transaction (concurrent updates and renewals of one plan take turns).</summary>
    public static async Task<SubscriptionPlan?> LockAsync(SubscriptionsDbContext db, Guid planId, CancellationToken cancellationToken) =>
        (await db.SubscriptionPlans.FromSql($"SELECT * FROM subscriptions.subscription_plans WHERE id = {planId} FOR UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();

    public static string PlanId(Guid id) => NodeId.Encode(SubscriptionPlanType.TypeName, id);
}
