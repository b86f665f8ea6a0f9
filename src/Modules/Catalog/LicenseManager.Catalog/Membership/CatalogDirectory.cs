using LicenseManager.Catalog.Contracts;
using LicenseManager.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Catalog.Membership;

internal sealed class CatalogDirectory(IDbContextFactory<CatalogDbContext> factory) : ICatalogDirectory
{
    public async Task<Guid?> EnterpriseOfAsync(Guid catalogId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Catalogs.Where(c => c.Id == catalogId).Select(c => (Guid?)c.EnterpriseCustomerId).SingleOrDefaultAsync(cancellationToken);
    }
}
