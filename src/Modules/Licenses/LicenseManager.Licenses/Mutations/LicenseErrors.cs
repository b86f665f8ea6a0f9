using System.ComponentModel;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Licenses.Mutations;

// Messages the reference's frontends show are kept verbatim (including its missing space after "request.").

internal sealed record PlanNotFoundError([property: ID(LicenseQueries.PlanTypeName)] Guid PlanId)
    : MutationError("No subscription plan has this id.", "PLAN_NOT_FOUND");

internal sealed record EmptyEmailListError()
    : MutationError("At least one email must be given.", "EMPTY_EMAIL_LIST");

internal sealed record TooManyEmailsError(int Given, int Limit)
    : MutationError($"At most {Limit} emails may be given at once; {Given} were given.", "TOO_MANY_EMAILS");

internal sealed record InvalidEmailError([property: Description("The invalid emails as given.")] IReadOnlyList<string> Emails)
    : MutationError($"{Emails.Count} of the given emails are not valid email addresses: {string.Join(", ", Emails.Take(5))}.", "INVALID_EMAIL");

internal sealed record NotEnoughLicensesError(
    [property: Description("Emails that needed a new license (already associated ones excluded).")] int Requested,
    [property: Description("UNASSIGNED licenses that could be taken.")] long Available)
    : MutationError(
        "There are not enough licenses that can be assigned to complete your request." +
        $"You attempted to assign {Requested} licenses, but there are only {Available} potentially available.",
        "NOT_ENOUGH_LICENSES");

internal sealed record RenewalLockedError(DateTimeOffset EffectiveDate)
    : MutationError(
        $"The plan is locked for renewal processing: assigning and revoking are refused within 12 hours before the renewal's effective date ({EffectiveDate:yyyy-MM-ddTHH:mm:ssZ}).",
        "RENEWAL_LOCKED");

internal sealed record EmailNotVerifiedError()
    : MutationError("Your email address is not verified; licenses are matched by verified email only.", "EMAIL_NOT_VERIFIED");

internal sealed record ActivationKeyNotFoundError(string Email, Guid ActivationKey)
    : MutationError($"No current license exists for the email {Email} with activation key {ActivationKey}", "LICENSE_NOT_FOUND");

internal sealed record LicenseRevokedError()
    : MutationError("Cannot activate a revoked license.", "LICENSE_REVOKED");


internal sealed record SelectionRequiredError([property: Description("The input fields of which exactly one must be given.")] IReadOnlyList<string> Selectors)
    : MutationError($"Give exactly one of: {string.Join(", ", Selectors)}.", "SELECTION_REQUIRED");

internal sealed record NoPendingLicenseError(string? Email)
    : MutationError(
        Email is null
            ? "Could not find any licenses pending activation"
            : $"Could not find any licenses pending activation that are associated with the email: {Email}",
        "NO_PENDING_LICENSE");

internal sealed record RevokeAllCapEnabledError()
    : MutationError("Cannot revoke all licenses when revocation cap is enabled for the subscription plan", "REVOCATION_CAP_ENABLED");

internal sealed record NoAutoApplyPlanError()
    : MutationError(
        "License was unable to be automatically applied: the enterprise has no active, current plan that applies licenses automatically.",
        "NO_AUTO_APPLY_PLAN");

internal sealed record NotEligibleForAutoApplyError()
    : MutationError("License was unable to be automatically applied: the user is not eligible (a license of this plan was revoked).", "NOT_ELIGIBLE");

internal sealed record NoLicensesRemainingError()
    : MutationError("License was unable to be automatically applied: there are no licenses remaining in the plan.", "NO_LICENSES_REMAINING");
