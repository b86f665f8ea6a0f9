using System.Net.Mail;

namespace LicenseManager.Licenses.Domain;

/// <summary>
/// Emails as licenses store them: trimmed and lower-cased (invariant), so comparisons are case-insensitive
/// everywhere and the live-email unique index sees one spelling.
/// </summary>
internal static class Emails
{
    public const int MaxLength = 320;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string normalized)
    {
        if (normalized.Length is 0 or > MaxLength || normalized.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = normalized.LastIndexOf('@');
        if (at <= 0 || at == normalized.Length - 1 || !normalized[(at + 1)..].Contains('.'))
        {
            return false;
        }

        return MailAddress.TryCreate(normalized, out var parsed) && parsed.Address == normalized;
    }

    /// <summary>Normalised, de-duplicated (first occurrence wins), and the invalid inputs as given.</summary>
    public static (IReadOnlyList<string> Valid, IReadOnlyList<string> Invalid) Prepare(IEnumerable<string> emails)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<string>();
        var invalid = new List<string>();
        foreach (var email in emails)
        {
            var normalized = Normalize(email);
            if (!IsValid(normalized))
            {
                invalid.Add(email);
            }
            else if (seen.Add(normalized))
            {
                valid.Add(normalized);
            }
        }

        return (valid, invalid);
    }
}
