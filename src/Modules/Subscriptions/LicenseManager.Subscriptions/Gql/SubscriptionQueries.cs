using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Scalars;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class SubscriptionQueries(GqlTypes types) : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        query.Connection<CustomerAgreementType, CustomerAgreement, SubscriptionsDbContext>(
                types, "customerAgreements", SubscriptionConventions.Agreements,
                (context, db) => db.CustomerAgreements.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor())))
            .Require(new RoleRequirement(SubscriptionAccess.ReaderRoles))
            .Description = "The agreements the caller may read: every enterprise's for operators and provisioning, otherwise the caller's own.";

        query.Field<CustomerAgreementType>("customerAgreement")
            .Description("The enterprise's agreement; null when there is none or the caller may not read it.")
            .Argument<NonNullGraphType<UuidType>>("enterpriseCustomerId")
            .RequireRole(SubscriptionAccess.ReaderRoles)
            .ResolveAsync(async context =>
            {
                var enterprise = context.GetArgument<Guid>("enterpriseCustomerId");
                await using var db = await SubscriptionLoaders.Db(context, context.CancellationToken);
                return await db.CustomerAgreements.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor()))
                    .SingleOrDefaultAsync(a => a.EnterpriseCustomerId == enterprise, context.CancellationToken);
            });

        query.Connection<SubscriptionPlanType, SubscriptionPlan, SubscriptionsDbContext>(
                types, "subscriptionPlans", SubscriptionConventions.Plans,
                (context, db) => db.SubscriptionPlans.AsNoTracking().VisibleTo(SubscriptionAccess.Readable(context.CurrentActor())))
            .Require(new RoleRequirement(SubscriptionAccess.ReaderRoles))
            .Description = "The plans the caller may read, in id order unless sorted.";

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products")
            .Description("Every product, by name.")
            .RequireRole(SubscriptionAccess.ReaderRoles)
            .ResolveAsync(async context =>
            {
                await using var db = await SubscriptionLoaders.Db(context, context.CancellationToken);
                return await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanTypeType>>>>("planTypes")
            .Description("Every plan type (seeded: Standard Paid, OCE, Trial, Test), by label.")
            .RequireRole(SubscriptionAccess.ReaderRoles)
            .ResolveAsync(async context =>
            {
                await using var db = await SubscriptionLoaders.Db(context, context.CancellationToken);
                return await db.PlanTypes.AsNoTracking().OrderBy(t => t.Label).ToListAsync(context.CancellationToken);
            });
    }
}
