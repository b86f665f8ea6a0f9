using GraphQL.Types;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class SubscriptionPlanRenewalType : NodeObjectType<SubscriptionPlanRenewal>
{
    public const string TypeName = "SubscriptionPlanRenewal";

    public SubscriptionPlanRenewalType()
        : base(TypeName, r => r.Id)
    {
        Field<NonNullGraphType<SubscriptionPlanType>>("priorPlan").Resolve(c => SubscriptionLoaders.Plan(c, c.Source.PriorPlanId));
        Field<SubscriptionPlanType>("renewedPlan")
            .Description("The future plan; null until processing creates it, unless it was given.")
            .Resolve(c => c.Source.RenewedPlanId is { } id ? SubscriptionLoaders.Plan(c, id) : null);
        Field(r => r.NumberOfLicenses);
        Field(r => r.EffectiveDate).Description("The future plan's start date.");
        Field(r => r.RenewedExpirationDate);
        Field(r => r.RenewedPlanTitle, nullable: true);
        Field(r => r.SalesforceOpportunityId, nullable: true);
        Field(r => r.LicenseTypesToCopy, type: typeof(NonNullGraphType<EnumerationGraphType<LicenseTypesToCopy>>));
        Field(r => r.DisableAutoApplyLicenses);
        Field(r => r.ExemptFromBatchProcessing);
        Field(r => r.Processed);
        Field(r => r.ProcessedAt, nullable: true);
    }
}
