using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Persisted;

internal sealed class PersistedOperationType : ObjectGraphType<PersistedOperation>
{
    public PersistedOperationType()
    {
        Name = "PersistedOperation";
        Description = "A document clients run by its hash: send it as `id`/`documentId`, or as Apollo's `extensions.persistedQuery.sha256Hash` when it is a SHA-256.";
        Field(o => o.Hash).Description("Lower-case hex MD5 (32 characters) or SHA-256 (64) of the document's UTF-8 text.");
        Field(o => o.Document);
        Field(o => o.Name, nullable: true).Description("The operation name the manifest or operator gave.");
        Field(o => o.Source, type: typeof(NonNullGraphType<OperationSourceType>));
        Field(o => o.RegisteredAt);
    }
}

internal sealed class OperationSourceType : EnumerationGraphType<OperationSource>
{
    public OperationSourceType() => Name = "PersistedOperationSource";
}

internal static class PersistedOperationConventions
{
    public static readonly EntityConventions<PersistedOperation> Operations = new EntityConventions<PersistedOperation>("PersistedOperation", o => o.Id)
        .Filter("hash", o => o.Hash)
        .Filter("name", o => o.Name)
        .Sort("registeredAt", o => o.RegisteredAt);
}
