using LicenseManager.Catalog.Data;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Catalog.Gql;

/// <summary>What clients may filter and sort catalogs and their content on (each backed by an index).</summary>
internal static class CatalogConventions
{
    public static readonly EntityConventions<EnterpriseCatalog> Catalogs = new EntityConventions<EnterpriseCatalog>("Catalog", c => c.Id)
        .Filter("enterpriseCustomerId", c => c.EnterpriseCustomerId)
        .FilterAndSort("title", c => c.Title);

    public static readonly EntityConventions<ContentItem> ContentItems = new EntityConventions<ContentItem>("ContentItem", i => i.Id)
        .FilterAndSort("contentKey", i => i.ContentKey)
        // Not sortable: content_type is stored as text, and keyset cursors compare enums by number.
        .Filter("contentType", i => i.ContentType)
        .FilterAndSort("title", i => i.Title);
}
