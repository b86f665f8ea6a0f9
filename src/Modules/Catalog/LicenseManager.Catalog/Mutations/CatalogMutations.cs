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
        mutation.Mutation<CreateCatalogInputType, CreateCatalogPayloadType, CreateCatalogInput>(CreateCatalog.Name, CreateCatalog.ResolveAsync)
            .RequireRole(IdentityRoles.Operator);
        mutation.Mutation<AddCatalogContentInputType, AddCatalogContentPayloadType, AddCatalogContentInput>(AddCatalogContent.Name, AddCatalogContent.ResolveAsync)
            .RequireRole(IdentityRoles.Operator);
        mutation.Mutation<RemoveCatalogContentInputType, RemoveCatalogContentPayloadType, RemoveCatalogContentInput>(RemoveCatalogContent.Name, RemoveCatalogContent.ResolveAsync)
            .RequireRole(IdentityRoles.Operator);
    }
}
