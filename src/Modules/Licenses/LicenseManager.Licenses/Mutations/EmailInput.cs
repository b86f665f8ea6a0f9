using LicenseManager.Licenses.Domain;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Licenses.Mutations;

/// <summary>The input checks assign, remind and revoke share: which selector was given, and the email list.</summary>
internal static class EmailInput
{
    public const int MaxEmails = 100_000;

    /// <summary>Null when exactly one of the named selectors was given; else the error naming them all.</summary>
    public static SelectionRequiredError? ExactlyOne(params (string Name, bool Given)[] selectors) =>
        selectors.Count(s => s.Given) == 1 ? null : new SelectionRequiredError(selectors.Select(s => s.Name).ToList());

    /// <summary>
    /// Normalised, de-duplicated <paramref name="emails"/> (none when not given), or the first thing wrong with the
    /// list: empty (when <paramref name="required"/>), over <see cref="MaxEmails"/>, or invalid addresses.
    /// </summary>
    public static MutationError? Check(IReadOnlyList<string>? given, bool required, out IReadOnlyList<string> emails)
    {
        emails = [];
        if (given is null or { Count: 0 })
        {
            return required ? new EmptyEmailListError() : null;
        }

        if (given.Count > MaxEmails)
        {
            return new TooManyEmailsError(given.Count, MaxEmails);
        }

        var (valid, invalid) = Emails.Prepare(given);
        if (invalid.Count > 0)
        {
            return new InvalidEmailError(invalid);
        }

        emails = valid;
        return null;
    }
}
