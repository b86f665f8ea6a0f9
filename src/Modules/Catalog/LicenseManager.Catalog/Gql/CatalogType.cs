using GraphQL.Types;
using LicenseManager.Catalog.Data;
using Microsoft.EntityFrameworkCore;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Catalog.Gql;

internal sealed class CatalogType : NodeObjectType<EnterpriseCatalog>
{
    public const string TypeName = "Catalog";

    public CatalogType(GqlTypes types)
        : base(TypeName, c => c.Id)
    {
        Field(c => c.EnterpriseCustomerId);
        Field(c => c.Title);
        // Every catalog on the page shares one query for its items (and one for their counts).
        this.BatchedConnection<ContentItemType, EnterpriseCatalog, ContentItem, CatalogDbContext, Guid>(
            types, "contentItems", CatalogConventions.ContentItems, c => c.Id, i => i.CatalogId, db => db.ContentItems.AsNoTracking())
            .Description = "The catalog's content, in id order unless sorted.";
    }
}

internal sealed class ContentItemType : NodeObjectType<ContentItem>
{
    public const string TypeName = "ContentItem";

    public ContentItemType()
        : base(TypeName, i => i.Id)
    {
        Field(i => i.ContentKey);
        Field(i => i.ContentType, type: typeof(NonNullGraphType<EnumerationGraphType<ContentType>>));
        Field(i => i.Title);
    }
}
