using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Domain;

/// <summary>A plan's fields as the rules see them, after defaults were applied.</summary>
internal sealed record PlanDraft(
    string Title,
    DateTimeOffset StartDate,
    DateTimeOffset ExpirationDate,
    string? SalesforceOpportunityLineItem,
    int RevokeMaxPercentage,
    int NumLicenses,
    bool ForInternalUseOnly);

/// <summary>The reference's plan validation (provisioning API and admin form), checked before anything is written.</summary>
internal static class PlanRules
{
    public const int MaxLicenses = 1_000_000;
    public const string LineItemPrefix = "00k";

    public static List<MutationError> Check(PlanDraft plan, bool salesforceIdRequired)
    {
        var errors = new List<MutationError>();
        if (!IsValidTitle(plan.Title))
        {
            errors.Add(new InvalidPlanTitleError(plan.Title, SubscriptionPlan.MaxTitleLength));
        }

        if (plan.StartDate >= plan.ExpirationDate)
        {
            errors.Add(new InvalidDateRangeError(plan.StartDate, plan.ExpirationDate));
        }

        if (plan.SalesforceOpportunityLineItem is { } lineItem ? !IsSalesforceLineItem(lineItem) : salesforceIdRequired)
        {
            errors.Add(new InvalidSalesforceIdError(plan.SalesforceOpportunityLineItem, salesforceIdRequired));
        }

        if (plan.RevokeMaxPercentage is < 0 or > 100)
        {
            errors.Add(new InvalidRevokeMaxPercentageError(plan.RevokeMaxPercentage));
        }

        if (!IsValidSize(plan.NumLicenses, plan.ForInternalUseOnly))
        {
            errors.Add(new InvalidNumLicensesError(plan.NumLicenses, MaxLicenses));
        }

        return errors;
    }

    public static bool IsValidTitle(string title) =>
        !string.IsNullOrWhiteSpace(title) && title.Length <= SubscriptionPlan.MaxTitleLength;

    /// <summary>Exactly 18 characters starting with <c>00k</c> (Salesforce's opportunity line item prefix).</summary>
    public static bool IsSalesforceLineItem(string value) =>
        value.Length == SubscriptionPlan.SalesforceIdLength && value.StartsWith(LineItemPrefix, StringComparison.Ordinal);

    /// <summary>0..1,000,000 licenses; internal (test) plans may exceed the maximum.</summary>
    public static bool IsValidSize(int numLicenses, bool internalUseOnly) =>
        numLicenses >= 0 && (internalUseOnly || numLicenses <= MaxLicenses);

    /// <summary>The title a renewal gives its future plan unless it names one.</summary>
    public static string RenewedTitle(string priorTitle, DateTimeOffset effectiveDate)
    {
        var suffix = $" - Renewal {effectiveDate.UtcDateTime.Year}";
        var room = SubscriptionPlan.MaxTitleLength - suffix.Length;
        return (priorTitle.Length > room ? priorTitle[..room] : priorTitle) + suffix;
    }
}
