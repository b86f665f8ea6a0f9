using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Licenses.Mutations;

internal sealed class LicenseMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        // Admins act in their enterprises' plans (checked on the plan in each resolver), operators everywhere.
        mutation.Mutation<AssignLicenses>().Require(new RoleRequirement(LicenseAccess.PlanAdminRoles));
        mutation.Mutation<RemindLicenses>().Require(new RoleRequirement(LicenseAccess.PlanAdminRoles));
        mutation.Mutation<RevokeLicenses>().Require(new RoleRequirement(LicenseAccess.PlanAdminRoles));
        mutation.Mutation<RevokeAllLicenses>().Require(new RoleRequirement(LicenseAccess.PlanAdminRoles));
        mutation.Mutation<ActivateLicense>().Require(new AuthenticatedRequirement());
        mutation.Mutation<AutoApplyLicense>().Require(new AuthenticatedRequirement());
        mutation.Mutation<RetireUser>().Require(new RoleRequirement([IdentityRoles.Operator]));
    }
}
