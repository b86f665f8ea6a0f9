using System.ComponentModel;
using LicenseManager.Platform.Data.Platform;
using LicenseManager.Platform.Gql.Mutations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseManager.Platform.Gql.Persisted;

[Description("Stores a document under its hash so that clients (partners among them) can run it by id. Idempotent.")]
[Error<OperationHashMismatchError>, Error<InvalidOperationDocumentError>]
internal sealed class RegisterPersistedOperation
{
    public sealed record Input(
        string Document,
        [property: Description("MD5 or SHA-256 hex of the document; SHA-256 is computed when omitted.")] string? Id,
        string? Name);

    public sealed record Payload(
        PersistedOperation Operation,
        [property: Description("False when the hash was stored already (the stored operation is returned).")] bool Created);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, PlatformDbContext db, IDbContextFactory<PlatformDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (OperationDocuments.Problem(input.Document, input.Name) is { } problem)
        {
            return new InvalidOperationDocumentError(problem);
        }

        var hash = input.Id is null ? OperationHash.Sha256Hex(input.Document) : OperationHash.Normalize(input.Id);
        if (hash is null || !OperationHash.Matches(hash, input.Document))
        {
            return new OperationHashMismatchError(input.Id!, OperationHash.Md5Hex(input.Document), OperationHash.Sha256Hex(input.Document));
        }

        var stored = await db.PersistedOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Hash == hash, cancellationToken);
        if (stored is not null)
        {
            return new Payload(stored, Created: false);
        }

        var operation = new PersistedOperation
        {
            Hash = hash,
            Document = input.Document,
            Name = input.Name,
            Source = OperationSource.Operator,
            RegisteredAt = clock.GetUtcNow(),
        };
        db.PersistedOperations.Add(operation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Registered by another request (APQ, an import, another instance) since the check: the same text by definition.
            // A failed statement aborts PostgreSQL's transaction, so the stored row is read on a fresh context.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return new Payload(await fresh.PersistedOperations.AsNoTracking().SingleAsync(o => o.Hash == hash, cancellationToken), Created: false);
        }

        return new Payload(operation, Created: true);
    }
}

internal sealed record OperationHashMismatchError(string Id, string Md5, string Sha256)
    : MutationError("The id is neither the MD5 nor the SHA-256 hex digest of the document's UTF-8 text.", "PERSISTED_QUERY_HASH_MISMATCH");

internal sealed record InvalidOperationDocumentError(string Reason)
    : MutationError($"The document cannot be persisted: {Reason}", "INVALID_OPERATION_DOCUMENT");
