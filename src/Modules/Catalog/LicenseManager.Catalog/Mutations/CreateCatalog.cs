using GraphQL;
using LicenseManager.Catalog.Gql;
using LicenseManager.Platform.Gql.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Catalog.Mutations;

using LicenseManager.Catalog.Data;

internal sealed record CreateCatalogInput(Guid EnterpriseCustomerId, string Title);

internal sealed record CreateCatalogPayload(Catalog? Catalog, IReadOnlyList<MutationError>? Errors = null) : IMutationPayload;

internal sealed class CreateCatalogInputType : MutationInputType<CreateCatalogInput>
{
    public CreateCatalogInputType()
        : base(CreateCatalog.Name)
    {
        Field(i => i.EnterpriseCustomerId);
        Field(i => i.Title);
    }
}

internal sealed class CreateCatalogErrorType() : ErrorUnionType(CreateCatalog.Name, typeof(InvalidTitleErrorType), typeof(DuplicateCatalogTitleErrorType));

internal sealed class CreateCatalogPayloadType : PayloadType<CreateCatalogPayload, CreateCatalogErrorType>
{
    public CreateCatalogPayloadType()
        : base(CreateCatalog.Name) => Field(p => p.Catalog, type: typeof(CatalogType));
}

internal static class CreateCatalog
{
    public const string Name = "createCatalog";

    public static async Task<IMutationPayload> ResolveAsync(IResolveFieldContext context, CreateCatalogInput input, CancellationToken cancellationToken)
    {
        var title = input.Title.Trim();
        if (!ContentKeys.IsValidTitle(title, Catalog.MaxTitleLength))
        {
            return new CreateCatalogPayload(null, [new InvalidTitleError(input.Title, Catalog.MaxTitleLength)]);
        }

        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var catalog = new Catalog { EnterpriseCustomerId = input.EnterpriseCustomerId, Title = title };
        db.Catalogs.Add(catalog);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new CreateCatalogPayload(null, [new DuplicateCatalogTitleError(title)]);
        }

        return new CreateCatalogPayload(catalog);
    }
}
