namespace LicenseManager.Catalog.Mutations;

using LicenseManager.Catalog.Data;
using LicenseManager.Platform.Gql.Mutations;

/// <summary>The checks every content-key list passes before any SQL runs, so a refused call changes nothing.</summary>
internal static class ContentKeys
{
    /// <summary>Large enough for a whole partner catalog, small enough for one statement's arrays.</summary>
    public const int MaxPerCall = 10_000;

    public static MutationError? Check(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return new EmptyContentListError();
        }

        if (keys.Count > MaxPerCall)
        {
            return new TooManyContentKeysError(keys.Count, MaxPerCall);
        }

        var invalid = keys.Where(k => !IsValid(k)).Distinct().Take(100).ToList();
        return invalid.Count > 0 ? new InvalidContentKeyError(invalid, ContentItem.MaxContentKeyLength) : null;
    }

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= ContentItem.MaxContentKeyLength && !key.Any(char.IsWhiteSpace);

    public static bool IsValidTitle(string title, int maxLength) =>
        !string.IsNullOrWhiteSpace(title) && title.Length <= maxLength;
}
