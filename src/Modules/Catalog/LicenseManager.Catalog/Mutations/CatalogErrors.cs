using GraphQL.Types;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Catalog.Mutations;

internal sealed record CatalogNotFoundError(string CatalogId)
    : MutationError($"No catalog has the id '{CatalogId}'.", "CATALOG_NOT_FOUND");

internal sealed record InvalidTitleError(string Title, int MaxLength)
    : MutationError($"A title must be 1 to {MaxLength} characters and not only whitespace.", "INVALID_TITLE");

internal sealed record DuplicateCatalogTitleError(string Title)
    : MutationError($"The enterprise already has a catalog titled '{Title}'.", "DUPLICATE_CATALOG_TITLE");

internal sealed record InvalidContentKeyError(IReadOnlyList<string> ContentKeys, int MaxLength)
    : MutationError($"Content keys must be 1 to {MaxLength} characters without whitespace; {ContentKeys.Count} are not.", "INVALID_CONTENT_KEY");

internal sealed record EmptyContentListError()
    : MutationError("At least one content key must be given.", "EMPTY_CONTENT_LIST");

internal sealed record TooManyContentKeysError(int Given, int Limit)
    : MutationError($"At most {Limit} content keys may be given at once; {Given} were given.", "TOO_MANY_CONTENT_KEYS");

internal sealed class CatalogNotFoundErrorType : ErrorType<CatalogNotFoundError>
{
    public CatalogNotFoundErrorType() => Field<NonNullGraphType<IdGraphType>>("catalogId").Resolve(c => c.Source.CatalogId);
}

internal sealed class InvalidTitleErrorType : ErrorType<InvalidTitleError>
{
    public InvalidTitleErrorType()
    {
        Field(e => e.Title);
        Field(e => e.MaxLength);
    }
}

internal sealed class DuplicateCatalogTitleErrorType : ErrorType<DuplicateCatalogTitleError>
{
    public DuplicateCatalogTitleErrorType() => Field(e => e.Title);
}

internal sealed class InvalidContentKeyErrorType : ErrorType<InvalidContentKeyError>
{
    public InvalidContentKeyErrorType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("contentKeys").Resolve(c => c.Source.ContentKeys);
        Field(e => e.MaxLength);
    }
}

internal sealed class EmptyContentListErrorType : ErrorType<EmptyContentListError>;

internal sealed class TooManyContentKeysErrorType : ErrorType<TooManyContentKeysError>
{
    public TooManyContentKeysErrorType()
    {
        Field(e => e.Given);
        Field(e => e.Limit);
    }
}
