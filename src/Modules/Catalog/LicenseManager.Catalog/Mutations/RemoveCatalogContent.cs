using LicenseManager.Catalog.Data;
using System.ComponentModel;
using LicenseManager.Catalog.Gql;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Catalog.Mutations;

[Error<CatalogNotFoundError>, Error<EmptyContentListError>, Error<TooManyContentKeysError>, Error<InvalidContentKeyError>]
internal sealed class RemoveCatalogContent
{
    public sealed record Input([ID(CatalogType.TypeName)] Guid CatalogId, IReadOnlyList<string> ContentKeys);

    public sealed record Payload(
        EnterpriseCatalog Catalog,
        [property: Description("Items removed; keys the catalog did not contain are ignored.")] int RemovedCount);

    public static async Task<MutationResult<Payload>> ResolveAsync(Input input, ICurrentActor actor, CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (ContentKeys.Check(input.ContentKeys) is { } failure)
        {
            return failure;
        }

        // Another enterprise's catalog is "not found", exactly like an unknown id.
        var catalog = await db.Catalogs.AsNoTracking().AdministeredBy(actor).SingleOrDefaultAsync(c => c.Id == input.CatalogId, cancellationToken);
        if (catalog is null)
        {
            return new CatalogNotFoundError(input.CatalogId);
        }

        var keys = input.ContentKeys.Distinct().ToArray();
        var removed = await db.ContentItems
            .Where(i => i.CatalogId == input.CatalogId && keys.Contains(i.ContentKey))
            .ExecuteDeleteAsync(cancellationToken);
        return new Payload(catalog, removed);
    }
}
