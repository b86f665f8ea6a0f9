using GraphQL;
using GraphQL.DataLoader;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Gql.Loading;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>Per-request batch loads: a field under N parents costs one query, not N.</summary>
internal static class SubscriptionLoaders
{
    public static IDataLoaderResult<T?> ById<T>(
        IResolveFieldContext context, Guid id, Func<SubscriptionsDbContext, IReadOnlyList<Guid>, IQueryable<T>> query, Func<T, Guid> key)
        where T : class =>
        BatchLoaders.For<Guid, T>(context, async (ids, cancellationToken) =>
        {
            await using var db = await Db(context, cancellationToken);
            var rows = await query(db, ids).AsNoTracking().ToListAsync(cancellationToken);
            return rows.ToDictionary(key);
        }).Load(id);

    public static IDataLoaderResult<SubscriptionPlan?> Plan(IResolveFieldContext context, Guid planId) =>
        ById(context, planId, (db, ids) => db.SubscriptionPlans.VisibleTo(SubscriptionAccess.Readable(context.CurrentActor())).Where(p => ids.Contains(p.Id)), p => p.Id);

    /// <summary>The renewals and plan expirations of the parents' enterprises (two queries for a whole page).</summary>
    /// <remarks>
    /// One loader per request, shared by every field that needs the chain (daysUntilExpirationIncludingRenewals,
    /// isLockedForRenewalProcessing, renewal, priorRenewals, netDaysUntilExpiration): a level costs two queries, not two per field.
    /// </remarks>
    public static IDataLoaderResult<EnterpriseRenewals?> Renewals(IResolveFieldContext context, Guid enterpriseCustomerId) =>
        Shared<Guid, EnterpriseRenewals>(context, "Subscriptions.Renewals", async (enterprises, cancellationToken) =>
        {
            await using var db = await Db(context, cancellationToken);
            var renewals = await db.Renewals.AsNoTracking().Where(r => enterprises.Contains(r.EnterpriseCustomerId)).ToListAsync(cancellationToken);
            var plans = await db.SubscriptionPlans.AsNoTracking().Where(p => enterprises.Contains(p.EnterpriseCustomerId))
                .Select(p => new { p.EnterpriseCustomerId, p.Id, p.ExpirationDate })
                .ToListAsync(cancellationToken);
            return enterprises.ToDictionary(
                e => e,
                e => EnterpriseRenewals.From(
                    renewals.Where(r => r.EnterpriseCustomerId == e),
                    plans.Where(p => p.EnterpriseCustomerId == e).ToDictionary(p => p.Id, p => p.ExpirationDate)));
        }).Load(enterpriseCustomerId);

    /// <summary>Counts from the Licenses module, one call for every plan of the page.</summary>
    public static IDataLoaderResult<LicenseCounts?> Counts(IResolveFieldContext context, Guid planId) =>
        BatchLoaders.For<Guid, LicenseCounts>(context, (ids, cancellationToken) =>
            context.RequestServices!.GetRequiredService<ILicenseCounts>().GetManyAsync(ids, cancellationToken)).Load(planId);

    private static BatchLoader<TKey, TValue> Shared<TKey, TValue>(
        IResolveFieldContext context, string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        lock (context.UserContext)
        {
            if (!context.UserContext.TryGetValue(name, out var loader) || loader is not BatchLoader<TKey, TValue> typed)
            {
                typed = new BatchLoader<TKey, TValue>(fetch);
                context.UserContext[name] = typed;
            }

            return typed;
        }
    }

    public static Task<SubscriptionsDbContext> Db(IResolveFieldContext context, CancellationToken cancellationToken) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<SubscriptionsDbContext>>().CreateDbContextAsync(cancellationToken);
}

/// <summary>One enterprise's renewals (as entities, for the GraphQL fields) and the chain rules over them.</summary>
internal sealed record EnterpriseRenewals(RenewalChain Chain, IReadOnlyDictionary<Guid, SubscriptionPlanRenewal> ById, IReadOnlyDictionary<Guid, DateTimeOffset> PlanExpirations)
{
    public static EnterpriseRenewals From(IEnumerable<SubscriptionPlanRenewal> renewals, IReadOnlyDictionary<Guid, DateTimeOffset> planExpirations)
    {
        var list = renewals.ToList();
        var chain = new RenewalChain(list.Select(Link), planExpirations);
        return new EnterpriseRenewals(chain, list.ToDictionary(r => r.Id), planExpirations);
    }

    public static RenewalLink Link(SubscriptionPlanRenewal r) =>
        new(r.Id, r.PriorPlanId, r.RenewedPlanId, r.EffectiveDate, r.RenewedExpirationDate, r.Processed);
}
