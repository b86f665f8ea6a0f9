using GraphQL.Types;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Licenses.Mutations;

internal sealed class LicenseMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        mutation.Mutation<AssignLicensesInputType, AssignLicensesPayloadType, AssignLicensesInput>(AssignLicenses.Name, AssignLicenses.ResolveAsync)
            .RequireRole(LicenseAccess.PlanAdminRoles);
        mutation.Mutation<ActivateLicenseInputType, ActivateLicensePayloadType, ActivateLicenseInput>(ActivateLicense.Name, ActivateLicense.ResolveAsync)
            .RequireAuthenticated();
    }
}
