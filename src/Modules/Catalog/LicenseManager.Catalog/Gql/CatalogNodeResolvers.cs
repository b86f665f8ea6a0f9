using GraphQL;
using LicenseManager.Catalog.Data;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Gql;

internal sealed class CatalogNodeResolver() : NodeResolver<EnterpriseCatalog>(CatalogType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, EnterpriseCatalog>> LoadAsync(
        IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        // From the request: the factory needs the data source, which schema export does not have.
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Catalogs.AsNoTracking().VisibleTo(context.CurrentActor()).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}

internal sealed class ContentItemNodeResolver() : NodeResolver<ContentItem>(ContentItemType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, ContentItem>> LoadAsync(
        IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        // From the request: the factory needs the data source, which schema export does not have.
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visibleCatalogs = db.Catalogs.VisibleTo(context.CurrentActor()).Select(c => c.Id);
        return await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id) && visibleCatalogs.Contains(i.CatalogId)).ToDictionaryAsync(i => i.Id, cancellationToken);
    }
}
