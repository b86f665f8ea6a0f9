using LicenseManager.Catalog.Data;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseManager.Catalog.Mutations;

[Error<InvalidTitleError>, Error<DuplicateCatalogTitleError>, Error<EnterpriseWithoutAgreementError>]
internal sealed class CreateCatalog
{
    public sealed record Input(Guid EnterpriseCustomerId, string Title);

    public sealed record Payload(EnterpriseCatalog Catalog);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, ICurrentActor actor, CatalogDbContext db, IEnterpriseDirectory enterprises, CancellationToken cancellationToken)
    {
        if (!actor.AdministeredEnterprises().Includes(input.EnterpriseCustomerId))
        {
            throw AuthErrors.NotAuthorized();
        }

        var title = input.Title.Trim();
        if (!ContentKeys.IsValidTitle(title, EnterpriseCatalog.MaxTitleLength))
        {
            return new InvalidTitleError(input.Title, EnterpriseCatalog.MaxTitleLength);
        }

        // An enterprise exists when it has a customer agreement (Subscriptions owns that fact).
        if (!await enterprises.ExistsAsync(input.EnterpriseCustomerId, cancellationToken))
        {
            return new EnterpriseWithoutAgreementError(input.EnterpriseCustomerId);
        }

        var catalog = new EnterpriseCatalog { EnterpriseCustomerId = input.EnterpriseCustomerId, Title = title };
        db.Catalogs.Add(catalog);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new DuplicateCatalogTitleError(title);
        }

        return new Payload(catalog);
    }
}
