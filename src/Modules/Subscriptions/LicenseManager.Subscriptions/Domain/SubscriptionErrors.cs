using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Subscriptions.Domain;

// The expected failures of Subscriptions' mutations. Messages follow the reference's where clients rely on them.

internal sealed record CustomerAgreementNotFoundError(string Id)
    : MutationError($"No customer agreement has the id '{Id}'.", "CUSTOMER_AGREEMENT_NOT_FOUND");

internal sealed record EnterpriseIdImmutableError(Guid EnterpriseCustomerId)
    : MutationError("enterpriseCustomerId cannot be updated.", "ENTERPRISE_ID_IMMUTABLE");

internal sealed record InvalidSlugError(string Slug)
    : MutationError($"A slug is 1 to {Data.CustomerAgreement.MaxSlugLength} lower-case letters, digits and hyphens; '{Slug}' is not.", "INVALID_SLUG");

internal sealed record DuplicateSlugError(string Slug)
    : MutationError($"Another enterprise already uses the slug '{Slug}'.", "DUPLICATE_SLUG");

internal sealed record InvalidFieldError(string Field, string Reason)
    : MutationError($"{Field}: {Reason}", "INVALID_FIELD");

internal sealed record CatalogNotInEnterpriseError(string CatalogId)
    : MutationError($"The catalog '{CatalogId}' does not exist or belongs to another enterprise.", "CATALOG_NOT_IN_ENTERPRISE");

internal sealed record CatalogRequiredError()
    : MutationError("The plan needs a catalog: give one, or set the agreement's default catalog.", "CATALOG_REQUIRED");

internal sealed record ProductNotFoundError(string ProductId)
    : MutationError($"No product has the id '{ProductId}'.", "PRODUCT_NOT_FOUND");

internal sealed record PlanTypeNotFoundError(string PlanTypeId)
    : MutationError($"No plan type has the id '{PlanTypeId}'.", "PLAN_TYPE_NOT_FOUND");

internal sealed record DuplicateProductNameError(string Name)
    : MutationError($"A product named '{Name}' already exists.", "DUPLICATE_PRODUCT_NAME");

internal sealed record SubscriptionPlanNotFoundError(string PlanId)
    : MutationError($"No subscription plan has the id '{PlanId}'.", "SUBSCRIPTION_PLAN_NOT_FOUND");

internal sealed record InvalidPlanTitleError(string Title, int MaxLength)
    : MutationError($"A title must be 1 to {MaxLength} characters and not only whitespace.", "INVALID_TITLE");

internal sealed record DuplicatePlanTitleError(string Title)
    : MutationError($"The customer agreement already has a plan titled '{Title}'.", "DUPLICATE_PLAN_TITLE");

internal sealed record InvalidDateRangeError(DateTimeOffset Start, DateTimeOffset End)
    : MutationError("The start must be before the expiration.", "INVALID_DATE_RANGE");

internal sealed record InvalidSalesforceIdError(string? Value, bool Required)
    : MutationError(
        Required && Value is null
            ? "This plan type requires a Salesforce opportunity line item."
            : "A Salesforce opportunity line item is 18 characters and starts with '00k'.",
        "INVALID_SALESFORCE_ID");

internal sealed record InvalidRevokeMaxPercentageError(int Value)
    : MutationError($"revokeMaxPercentage must be between 0 and 100; {Value} is not.", "INVALID_REVOKE_MAX_PERCENTAGE");

internal sealed record InvalidNumLicensesError(int Value, int Max)
    : MutationError($"numLicenses must be between 0 and {Max} (internal plans may exceed it); {Value} is not.", "INVALID_NUM_LICENSES");

internal sealed record NumLicensesDecreaseError(int Current, int Requested)
    : MutationError($"Licenses are never removed: the plan has {Current} and {Requested} were asked for.", "NUM_LICENSES_DECREASE");

internal sealed record RenewalNotFoundError(string RenewalId)
    : MutationError($"No renewal has the id '{RenewalId}'.", "RENEWAL_NOT_FOUND");

internal sealed record RenewalConflictError(string ExistingRenewalId)
    : MutationError("One of the two plans already belongs to another renewal.", "RENEWAL_CONFLICT");

internal sealed record InvalidRenewalPlansError(string Reason)
    : MutationError(Reason, "INVALID_RENEWAL_PLANS");

internal sealed record RenewalAlreadyProcessedError(string RenewalId)
    : MutationError("A processed renewal cannot be changed or deleted.", "RENEWAL_ALREADY_PROCESSED");

internal sealed record RenewedPlanNotEmptyError(string PlanId)
    : MutationError("The renewed plan may hold only UNASSIGNED licenses, at most numberOfLicenses of them.", "RENEWED_PLAN_NOT_EMPTY");

internal sealed record NotEnoughRenewalLicensesError(int NumberOfLicenses, int ToCopy)
    : MutationError($"Cannot renew for fewer than the number of original activated licenses: {ToCopy} to copy, {NumberOfLicenses} in the renewal.", "NOT_ENOUGH_RENEWAL_LICENSES");
