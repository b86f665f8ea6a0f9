using GraphQL.Types;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Catalog.Mutations;

internal sealed class CatalogMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        mutation.Mutation<CreateCatalogInputType, CreateCatalogPayloadType, CreateCatalogInput>(CreateCatalog.Name, CreateCatalog.ResolveAsync);
        mutation.Mutation<AddCatalogContentInputType, AddCatalogContentPayloadType, AddCatalogContentInput>(AddCatalogContent.Name, AddCatalogContent.ResolveAsync);
        mutation.Mutation<RemoveCatalogContentInputType, RemoveCatalogContentPayloadType, RemoveCatalogContentInput>(RemoveCatalogContent.Name, RemoveCatalogContent.ResolveAsync);
    }
}
