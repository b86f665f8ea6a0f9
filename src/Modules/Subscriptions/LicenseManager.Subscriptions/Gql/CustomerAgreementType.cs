using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Loading;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class CustomerAgreementType : NodeObjectType<CustomerAgreement>
{
    public const string TypeName = "CustomerAgreement";

    public CustomerAgreementType(GqlTypes types, IEnumerable<INodeResolver> resolvers)
        : base(TypeName, a => a.Id)
    {
        Field(a => a.EnterpriseCustomerId);
        Field(a => a.EnterpriseCustomerSlug, nullable: true);
        Field(a => a.EnterpriseCustomerName, nullable: true);
        Field(a => a.DefaultCatalogId, nullable: true);
        CatalogField.Add(this, resolvers, "defaultCatalog", a => a.DefaultCatalogId);
        Field(a => a.DisableExpirationNotifications);
        Field(a => a.DisableOnboardingNotifications);
        Field<NonNullGraphType<IntGraphType>>("licenseDurationBeforePurge")
            .Description("The retention window, in days.")
            .Resolve(c => c.Source.LicenseDurationBeforePurgeDays);
        Field(a => a.EnableAutoScaling);
        Field(a => a.AutoScalingMaxLicenses, nullable: true);
        Field(a => a.AutoScalingThresholdPercentage, nullable: true);
        Field(a => a.AutoScalingIncrementPercentage, nullable: true);
        Field(a => a.CreatedAt);
        Field(a => a.UpdatedAt);

        Field<NonNullGraphType<IntGraphType>>("netDaysUntilExpiration")
            .Description("Days until the furthest expiration of any plan including renewals, never below 0.")
            .Resolve(c => SubscriptionLoaders.Renewals(c, c.Source.EnterpriseCustomerId).Then(r =>
            {
                var now = c.Now();
                var days = r!.PlanExpirations.Select(p => PlanDates.DaysUntil(now, r.Chain.FurthestExpiration(p.Key, p.Value))).DefaultIfEmpty(0).Max();
                return Math.Max(0, days);
            }));

        this.BatchedConnection<SubscriptionPlanType, CustomerAgreement, SubscriptionPlan, SubscriptionsDbContext, Guid>(
            types, "subscriptionPlans", SubscriptionConventions.Plans, a => a.Id, p => p.CustomerAgreementId, db => db.SubscriptionPlans.AsNoTracking())
            .Description = "The agreement's plans, in id order unless sorted.";

        Field<SubscriptionPlanType>("autoApplyPlan")
            .Description("The plan learners get a license of on first visit: auto-apply, active and current (the latest start wins).")
            .Resolve(c => BatchLoaders.For<Guid, List<SubscriptionPlan>>(c, async (ids, cancellationToken) =>
                {
                    await using var db = await SubscriptionLoaders.Db(c, cancellationToken);
                    var plans = await db.SubscriptionPlans.AsNoTracking()
                        .Where(p => ids.Contains(p.CustomerAgreementId) && p.ShouldAutoApplyLicenses && p.IsActive)
                        .ToListAsync(cancellationToken);
                    return plans.GroupBy(p => p.CustomerAgreementId).ToDictionary(g => g.Key, g => g.ToList());
                })
                .Load(c.Source.Id)
                .Then(plans => plans?.Where(p => PlanDates.IsCurrent(c.Now(), p.StartDate, p.ExpirationDate)).MaxBy(p => p.StartDate)));
    }
}
