using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class SubscriptionPlanType : NodeObjectType<SubscriptionPlan>
{
    public const string TypeName = SubscriptionGraphTypes.SubscriptionPlan;

    public SubscriptionPlanType(IEnumerable<INodeResolver> resolvers, ObjectTypeExtensions extensions)
        : base(TypeName, p => p.Id)
    {
        Field(p => p.Title);
        Field(p => p.StartDate);
        Field(p => p.ExpirationDate);
        Field(p => p.IsActive).Description("The operator's switch; an inactive plan grants nothing.");
        Field(p => p.EnterpriseCustomerId);
        Field(p => p.CatalogId);
        CatalogField.Add(this, resolvers, "catalog", p => p.CatalogId);
        Field(p => p.ShouldAutoApplyLicenses);
        Field(p => p.ForInternalUseOnly);
        Field(p => p.CanFreezeUnusedLicenses);
        Field(p => p.DesiredNumLicenses, nullable: true).Description("The size asked for; licenses are added up to it, never removed.");
        Field(p => p.ExpirationProcessed);
        Field(p => p.SalesforceOpportunityLineItem, nullable: true);
        Field(p => p.CreatedAt);

        Field<NonNullGraphType<BooleanGraphType>>("isCurrent")
            .Description("Started and not yet expired, now.")
            .Resolve(c => PlanDates.IsCurrent(c.Now(), c.Source.StartDate, c.Source.ExpirationDate));
        Field<NonNullGraphType<IntGraphType>>("daysUntilExpiration")
            .Description("Whole days until expiration, floored; negative once expired.")
            .Resolve(c => PlanDates.DaysUntil(c.Now(), c.Source.ExpirationDate));
        Field<NonNullGraphType<IntGraphType>>("daysUntilExpirationIncludingRenewals")
            .Description("Whole days until the furthest expiration along this plan's renewals.")
            .Resolve(c => SubscriptionLoaders.Renewals(c, c.Source.EnterpriseCustomerId)
                .Then(r => PlanDates.DaysUntil(c.Now(), r!.Chain.FurthestExpiration(c.Source.Id, c.Source.ExpirationDate))));
        Field<NonNullGraphType<BooleanGraphType>>("isLockedForRenewalProcessing")
            .Description("Within 12 hours before an unprocessed renewal's effective date: assign and revoke are refused.")
            .Resolve(c => SubscriptionLoaders.Renewals(c, c.Source.EnterpriseCustomerId)
                .Then(r => r!.Chain.IsLockedForRenewalProcessing(c.Source.Id, c.Now())));

        Field<NonNullGraphType<ProductType>>("product")
            .Resolve(c => SubscriptionLoaders.ById(c, c.Source.ProductId, (db, ids) => db.Products.Where(p => ids.Contains(p.Id)), p => p.Id));
        Field<NonNullGraphType<PlanTypeType>>("planType")
            .Resolve(c => SubscriptionLoaders.ById(
                    c,
                    c.Source.ProductId,
                    (db, ids) => from p in db.Products where ids.Contains(p.Id) join t in db.PlanTypes on p.PlanTypeId equals t.Id select new { ProductId = p.Id, Type = t },
                    row => row.ProductId)
                .Then(row => row!.Type));
        Field<NonNullGraphType<CustomerAgreementType>>("customerAgreement")
            .Resolve(c => SubscriptionLoaders.ById(c, c.Source.CustomerAgreementId, (db, ids) => db.CustomerAgreements.Where(a => ids.Contains(a.Id)), a => a.Id));

        Field<LicenseCountsType>("licenseCounts")
            .Description("Licenses by status (from the Licenses module; one query for the whole page). Operators, provisioning, the enterprise's admins and partner service.")
            .Resolve(c => Figures(c) ? SubscriptionLoaders.Counts(c, c.Source.Id) : throw AuthErrors.NotAuthorized());
        Field<PlanRevocationsType>("revocations")
            .Description("The revocation cap: allowed = ceil(live licenses × maxPercentage / 100), remaining = allowed − applied.")
            .Resolve(c => Figures(c)
                ? SubscriptionLoaders.Counts(c, c.Source.Id).Then(counts => PlanRevocations.From(c.Source, counts))
                : throw AuthErrors.NotAuthorized());

        Field<SubscriptionPlanRenewalType>("renewal")
            .Description("This plan's renewal (this plan is its prior plan), if any.")
            .Resolve(c => SubscriptionLoaders.Renewals(c, c.Source.EnterpriseCustomerId)
                .Then(r => r!.Chain.RenewalOf(c.Source.Id) is { } link ? r.ById[link.RenewalId] : null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubscriptionPlanRenewalType>>>>("priorRenewals")
            .Description("The renewals that led to this plan, oldest first.")
            .Resolve(c => SubscriptionLoaders.Renewals(c, c.Source.EnterpriseCustomerId)
                .Then(r => r!.Chain.PriorRenewals(c.Source.Id).Select(link => r.ById[link.RenewalId]).ToList()));

        // Last: other modules' fields (Licenses adds `licenses`).
        extensions.Apply(this);
    }

    private static bool Figures(IResolveFieldContext<SubscriptionPlan> context) =>
        SubscriptionAccess.CanSeeFigures(context.CurrentActor(), context.Source.EnterpriseCustomerId);
}
