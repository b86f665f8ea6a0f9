using LicenseManager.Catalog.Contracts;
using LicenseManager.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Catalog.Membership;

/// <summary><c>catalog_id = @c AND content_key = ANY(@keys)</c>: served by the (catalog_id, content_key) unique index.</summary>
internal sealed class CatalogMembership(IDbContextFactory<CatalogDbContext> factory) : ICatalogMembership
{
    public async Task<IReadOnlySet<string>> ContainedKeysAsync(
        Guid catalogId, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken)
    {
        if (contentKeys.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var keys = contentKeys.Distinct(StringComparer.Ordinal).ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.ContentItems
            .Where(i => i.CatalogId == catalogId && keys.Contains(i.ContentKey))
            .Select(i => i.ContentKey)
            .ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
