using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Catalog.Mutations;

internal sealed class CatalogMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        // Operators manage catalogs; everybody else only reads them.
        mutation.Mutation<CreateCatalog>().RequireRole(IdentityRoles.Operator);
        mutation.Mutation<AddCatalogContent>().RequireRole(IdentityRoles.Operator);
        mutation.Mutation<RemoveCatalogContent>().RequireRole(IdentityRoles.Operator);
    }
}
