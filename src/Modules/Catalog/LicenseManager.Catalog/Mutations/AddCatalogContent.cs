using GraphQL;
using GraphQL.Types;
using LicenseManager.Catalog.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Mutations;

using LicenseManager.Catalog.Data;

internal sealed record AddCatalogContentItemInput(string ContentKey, ContentType ContentType, string Title);

internal sealed record AddCatalogContentInput(string CatalogId, IReadOnlyList<AddCatalogContentItemInput> Items);

internal sealed record AddCatalogContentPayload(Catalog? Catalog, int UpsertedCount, IReadOnlyList<MutationError>? Errors = null) : IMutationPayload;

internal sealed class AddCatalogContentItemInputType : InputObjectGraphType<AddCatalogContentItemInput>
{
    public AddCatalogContentItemInputType()
    {
        Name = "AddCatalogContentItemInput";
        Field(i => i.ContentKey);
        Field(i => i.ContentType, type: typeof(NonNullGraphType<EnumerationGraphType<ContentType>>));
        Field(i => i.Title);
    }
}

internal sealed class AddCatalogContentInputType : MutationInputType<AddCatalogContentInput>
{
    public AddCatalogContentInputType()
        : base(AddCatalogContent.Name)
    {
        Field(i => i.CatalogId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Items, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AddCatalogContentItemInputType>>>));
    }
}

internal sealed class AddCatalogContentErrorType() : ErrorUnionType(
    AddCatalogContent.Name,
    typeof(CatalogNotFoundErrorType),
    typeof(EmptyContentListErrorType),
    typeof(TooManyContentKeysErrorType),
    typeof(InvalidContentKeyErrorType),
    typeof(InvalidTitleErrorType));

internal sealed class AddCatalogContentPayloadType : PayloadType<AddCatalogContentPayload, AddCatalogContentErrorType>
{
    public AddCatalogContentPayloadType()
        : base(AddCatalogContent.Name)
    {
        Field(p => p.Catalog, type: typeof(CatalogType));
        Field(p => p.UpsertedCount).Description("Items inserted or updated (a key given twice counts once; the last one wins).");
    }
}

/// <summary>Upserts items by key in one statement, however many there are.</summary>
internal static class AddCatalogContent
{
    public const string Name = "addCatalogContent";

    private const int AnalyzeAfterRows = 1000;

    public static async Task<IMutationPayload> ResolveAsync(IResolveFieldContext context, AddCatalogContentInput input, CancellationToken cancellationToken)
    {
        var failure = ContentKeys.Check(input.Items.Select(i => i.ContentKey).ToList());
        if (failure is null && input.Items.FirstOrDefault(i => !ContentKeys.IsValidTitle(i.Title, ContentItem.MaxTitleLength)) is { } badTitle)
        {
            failure = new InvalidTitleError(badTitle.Title, ContentItem.MaxTitleLength);
        }

        if (failure is not null)
        {
            return new AddCatalogContentPayload(null, 0, [failure]);
        }

        if (!NodeId.TryDecodeGuid(input.CatalogId, CatalogType.TypeName, out var catalogId))
        {
            return new AddCatalogContentPayload(null, 0, [new CatalogNotFoundError(input.CatalogId)]);
        }

        // ON CONFLICT may touch a row once per statement: a key given twice keeps its last version.
        var items = input.Items.GroupBy(i => i.ContentKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var ids = items.Select(_ => Guid.CreateVersion7()).ToArray();
        var keys = items.Select(i => i.ContentKey).ToArray();
        var types = items.Select(i => i.ContentType.ToString()).ToArray();
        var titles = items.Select(i => i.Title.Trim()).ToArray();

        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The EXISTS guard makes "unknown catalog" a zero-row insert instead of a foreign-key failure.
        var upserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO catalog.content_items (id, catalog_id, content_key, content_type, title)
            SELECT item.id, {catalogId}, item.content_key, item.content_type, item.title
            FROM unnest({ids}, {keys}, {types}, {titles}) AS item(id, content_key, content_type, title)
            WHERE EXISTS (SELECT 1 FROM catalog.catalogs WHERE id = {catalogId})
            ON CONFLICT (catalog_id, content_key)
            DO UPDATE SET content_type = excluded.content_type, title = excluded.title
            """,
            cancellationToken);
        if (upserted == 0)
        {
            return new AddCatalogContentPayload(null, 0, [new CatalogNotFoundError(input.CatalogId)]);
        }

        if (upserted >= AnalyzeAfterRows)
        {
            // A bulk load leaves the planner's statistics behind: a fresh catalog counts as ~1 row, and the
            // membership and paging queries then pick plans that read the whole catalog (measured: 5-13 ms
            // instead of 0.1-1 ms on 20,000 items until autovacuum caught up). ANALYZE samples, ~65 ms on 120,000 rows.
            await db.Database.ExecuteSqlRawAsync("ANALYZE catalog.content_items", cancellationToken);
        }

        var catalog = await db.Catalogs.AsNoTracking().SingleAsync(c => c.Id == catalogId, cancellationToken);
        return new AddCatalogContentPayload(catalog, upserted);
    }
}
