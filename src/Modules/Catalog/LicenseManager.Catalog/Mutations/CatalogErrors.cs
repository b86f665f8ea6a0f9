using LicenseManager.Catalog.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Catalog.Mutations;

internal sealed record CatalogNotFoundError([property: ID(CatalogType.TypeName)] Guid CatalogId)
    : MutationError("No catalog has this id.", "CATALOG_NOT_FOUND");

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
