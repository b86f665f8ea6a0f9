using GraphQL;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Gql;

// Node resolvers take the DbContext factory from the request: schema export has no database.

internal sealed class CustomerAgreementNodeResolver() : NodeResolver<CustomerAgreement>(CustomerAgreementType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, CustomerAgreement>> LoadAsync(IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        await using var db = await SubscriptionLoaders.Db(context, cancellationToken);
        return await db.CustomerAgreements.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor()))
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}

internal sealed class SubscriptionPlanNodeResolver() : NodeResolver<SubscriptionPlan>(SubscriptionPlanType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, SubscriptionPlan>> LoadAsync(IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        await using var db = await SubscriptionLoaders.Db(context, cancellationToken);
        return await db.SubscriptionPlans.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor()))
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}

internal sealed class SubscriptionPlanRenewalNodeResolver() : NodeResolver<SubscriptionPlanRenewal>(SubscriptionPlanRenewalType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, SubscriptionPlanRenewal>> LoadAsync(IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        await using var db = await SubscriptionLoaders.Db(context, cancellationToken);
        return await db.Renewals.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor()))
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}

/// <summary>Products and plan types are not tenant data: every reader of subscriptions may see them.</summary>
internal sealed class ProductNodeResolver() : NodeResolver<Product>(ProductType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, Product>> LoadAsync(IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionAccess.Readable(context.CurrentActor()) is { IsEvery: false, Enterprises.Length: 0 })
        {
            return new Dictionary<Guid, Product>();
        }

        await using var db = await SubscriptionLoaders.Db(context, cancellationToken);
        return await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}

internal sealed class PlanTypeNodeResolver() : NodeResolver<PlanType>(PlanTypeType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, PlanType>> LoadAsync(IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionAccess.Readable(context.CurrentActor()) is { IsEvery: false, Enterprises.Length: 0 })
        {
            return new Dictionary<Guid, PlanType>();
        }

        await using var db = await SubscriptionLoaders.Db(context, cancellationToken);
        return await db.PlanTypes.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }
}
