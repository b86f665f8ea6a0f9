using System.Text.RegularExpressions;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Domain;

/// <summary>Checks of an agreement's fields, before anything is written.</summary>
internal static partial class AgreementRules
{
    public const int MaxPurgeDays = 3650;

    public static void CheckSlug(string? slug, List<MutationError> errors)
    {
        if (slug is not null && (slug.Length > CustomerAgreement.MaxSlugLength || !SlugPattern().IsMatch(slug)))
        {
            errors.Add(new InvalidSlugError(slug));
        }
    }

    public static void CheckName(string? name, List<MutationError> errors)
    {
        if (name is not null && (string.IsNullOrWhiteSpace(name) || name.Length > CustomerAgreement.MaxNameLength))
        {
            errors.Add(new InvalidFieldError("enterpriseCustomerName", $"1 to {CustomerAgreement.MaxNameLength} characters, not only whitespace."));
        }
    }

    public static void CheckPurgeDays(int? days, List<MutationError> errors)
    {
        if (days is < 0 or > MaxPurgeDays)
        {
            errors.Add(new InvalidFieldError("licenseDurationBeforePurge", $"between 0 and {MaxPurgeDays} days."));
        }
    }

    public static void CheckAutoScaling(int? max, int? threshold, int? increment, List<MutationError> errors)
    {
        if (max is < 0)
        {
            errors.Add(new InvalidFieldError("autoScalingMaxLicenses", "0 or more."));
        }

        if (threshold is < 1 or > 100)
        {
            errors.Add(new InvalidFieldError("autoScalingThresholdPercentage", "between 1 and 100."));
        }

        if (increment is < 1 or > 100)
        {
            errors.Add(new InvalidFieldError("autoScalingIncrementPercentage", "between 1 and 100."));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
