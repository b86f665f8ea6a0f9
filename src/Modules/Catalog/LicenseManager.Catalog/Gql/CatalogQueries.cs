using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;

namespace LicenseManager.Catalog.Gql;

using LicenseManager.Catalog.Data;

internal sealed class CatalogQueries(GqlTypes types) : QueryExtension
{
    public override void Configure(ObjectGraphType query) =>
        query.Connection<CatalogType, Catalog, CatalogDbContext>(
            types, "catalogs", CatalogConventions.Catalogs, (_, db) => db.Catalogs.AsNoTracking())
            .Description = "Catalogs of every enterprise; filter on enterpriseCustomerId for one enterprise's.";
}
