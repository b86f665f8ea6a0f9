using GraphQL;
using GraphQL.Types;
using LicenseManager.Catalog.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Mutations;

using LicenseManager.Catalog.Data;

internal sealed record RemoveCatalogContentInput(string CatalogId, IReadOnlyList<string> ContentKeys);

internal sealed record RemoveCatalogContentPayload(Catalog? Catalog, int RemovedCount, IReadOnlyList<MutationError>? Errors = null) : IMutationPayload;

internal sealed class RemoveCatalogContentInputType : MutationInputType<RemoveCatalogContentInput>
{
    public RemoveCatalogContentInputType()
        : base(RemoveCatalogContent.Name)
    {
        Field(i => i.CatalogId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.ContentKeys, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
    }
}

internal sealed class RemoveCatalogContentErrorType() : ErrorUnionType(
    RemoveCatalogContent.Name,
    typeof(CatalogNotFoundErrorType),
    typeof(EmptyContentListErrorType),
    typeof(TooManyContentKeysErrorType),
    typeof(InvalidContentKeyErrorType));

internal sealed class RemoveCatalogContentPayloadType : PayloadType<RemoveCatalogContentPayload, RemoveCatalogContentErrorType>
{
    public RemoveCatalogContentPayloadType()
        : base(RemoveCatalogContent.Name)
    {
        Field(p => p.Catalog, type: typeof(CatalogType));
        Field(p => p.RemovedCount).Description("Items removed; keys the catalog did not contain are ignored.");
    }
}

internal static class RemoveCatalogContent
{
    public const string Name = "removeCatalogContent";

    public static async Task<IMutationPayload> ResolveAsync(IResolveFieldContext context, RemoveCatalogContentInput input, CancellationToken cancellationToken)
    {
        if (ContentKeys.Check(input.ContentKeys) is { } failure)
        {
            return new RemoveCatalogContentPayload(null, 0, [failure]);
        }

        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var catalog = NodeId.TryDecodeGuid(input.CatalogId, CatalogType.TypeName, out var catalogId)
            ? await db.Catalogs.AsNoTracking().SingleOrDefaultAsync(c => c.Id == catalogId, cancellationToken)
            : null;
        if (catalog is null)
        {
            return new RemoveCatalogContentPayload(null, 0, [new CatalogNotFoundError(input.CatalogId)]);
        }

        var keys = input.ContentKeys.Distinct().ToArray();
        var removed = await db.ContentItems
            .Where(i => i.CatalogId == catalogId && keys.Contains(i.ContentKey))
            .ExecuteDeleteAsync(cancellationToken);
        return new RemoveCatalogContentPayload(catalog, removed);
    }
}
