using GraphQL.Types;
using LicenseManager.Catalog.Data;
using Microsoft.EntityFrameworkCore;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;

namespace LicenseManager.Catalog.Gql;

internal sealed class CatalogQueries(GqlTypes types) : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        var catalogs = query.Connection<CatalogType, EnterpriseCatalog, CatalogDbContext>(
            types, "catalogs", CatalogConventions.Catalogs, (context, db) => db.Catalogs.AsNoTracking().VisibleTo(context.CurrentActor()));
        catalogs.Description = "The catalogs the caller may read: every enterprise's for operators, otherwise those of the caller's enterprises.";
        catalogs.Require(new RoleRequirement(CatalogAccess.ReaderRoles));
    }
}
