using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Domain;

/// <summary>A renewal's fields as the rules see them.</summary>
internal sealed record RenewalDraft(
    int NumberOfLicenses,
    DateTimeOffset EffectiveDate,
    DateTimeOffset RenewedExpirationDate,
    string? RenewedPlanTitle,
    string? SalesforceOpportunityId);

/// <summary>The reference's renewal validation (provisioning API), checked before anything is written.</summary>
internal static class RenewalRules
{
    public static List<MutationError> Check(RenewalDraft renewal, DateTimeOffset priorStartDate, bool priorInternalUseOnly)
    {
        var errors = new List<MutationError>();
        if (renewal.NumberOfLicenses < 1 || !PlanRules.IsValidSize(renewal.NumberOfLicenses, priorInternalUseOnly))
        {
            errors.Add(new InvalidFieldError("numberOfLicenses", $"between 1 and {PlanRules.MaxLicenses}."));
        }

        if (renewal.EffectiveDate < priorStartDate)
        {
            errors.Add(new InvalidFieldError("effectiveDate", "on or after the prior plan's start date."));
        }

        if (renewal.RenewedExpirationDate <= renewal.EffectiveDate)
        {
            errors.Add(new InvalidDateRangeError(renewal.EffectiveDate, renewal.RenewedExpirationDate));
        }

        if (renewal.RenewedPlanTitle is { } title && !PlanRules.IsValidTitle(title))
        {
            errors.Add(new InvalidPlanTitleError(title, SubscriptionPlan.MaxTitleLength));
        }

        if (renewal.SalesforceOpportunityId is { } id && !PlanRules.IsSalesforceLineItem(id))
        {
            errors.Add(new InvalidSalesforceIdError(id, Required: false));
        }

        return errors;
    }
}
