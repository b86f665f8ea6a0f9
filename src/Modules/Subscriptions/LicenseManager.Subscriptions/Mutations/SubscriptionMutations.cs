using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Gql;

namespace LicenseManager.Subscriptions.Mutations;

/// <summary>Operators and the provisioning service manage agreements, plans and renewals; products are the operators'.</summary>
internal sealed class SubscriptionMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        var managers = new RoleRequirement(SubscriptionAccess.ManagerRoles);
        mutation.Mutation<CreateCustomerAgreement>().Require(managers);
        mutation.Mutation<UpdateCustomerAgreement>().Require(managers);
        mutation.Mutation<CreateProduct>().Require(new RoleRequirement([IdentityRoles.Operator]));
        mutation.Mutation<CreateSubscriptionPlan>().Require(managers);
        mutation.Mutation<UpdateSubscriptionPlan>().Require(managers);
        mutation.Mutation<CreateSubscriptionPlanRenewal>().Require(managers);
        mutation.Mutation<UpdateSubscriptionPlanRenewal>().Require(managers);
        mutation.Mutation<DeleteSubscriptionPlanRenewal>().Require(managers);
        mutation.Mutation<ProcessSubscriptionPlanRenewal>().Require(managers);
    }
}
