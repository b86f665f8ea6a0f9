using GraphQL.Resolvers;
using GraphQL.Types;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Gql;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>
/// <c>License.subscriptionPlan</c>: every license of a page shares one plan query. The plan is visible to whoever
/// may read its enterprise's plans, and to the enterprise's learners (their own license's plan).
/// </summary>
internal sealed class LicensePlanExtension : ObjectTypeExtension
{
    public override string TypeName => LicenseGraphTypes.License;

    public override void Configure(IObjectGraphType type) =>
        type.AddField(new FieldType
        {
            Name = "subscriptionPlan",
            Description = "The plan the license belongs to.",
            Type = typeof(SubscriptionPlanType),
            Resolver = new FuncFieldResolver<object?>(context => SubscriptionLoaders.Plan(context, ((ILicenseRef)context.Source!).SubscriptionPlanId)),
        });
}
