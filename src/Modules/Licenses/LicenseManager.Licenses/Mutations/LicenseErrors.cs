using GraphQL.Types;
using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Licenses.Mutations;

// Messages the reference's frontends show are kept verbatim (including its missing space after "request.").

internal sealed record PlanNotFoundError(string PlanId)
    : MutationError($"No subscription plan has the id '{PlanId}'.", "PLAN_NOT_FOUND");

internal sealed record EmptyEmailListError()
    : MutationError("At least one email must be given.", "EMPTY_EMAIL_LIST");

internal sealed record TooManyEmailsError(int Given, int Limit)
    : MutationError($"At most {Limit} emails may be given at once; {Given} were given.", "TOO_MANY_EMAILS");

internal sealed record InvalidEmailError(IReadOnlyList<string> Emails)
    : MutationError($"{Emails.Count} of the given emails are not valid email addresses: {string.Join(", ", Emails.Take(5))}.", "INVALID_EMAIL");

internal sealed record NotEnoughLicensesError(int Requested, long Available)
    : MutationError(
        "There are not enough licenses that can be assigned to complete your request." +
        $"You attempted to assign {Requested} licenses, but there are only {Available} potentially available.",
        "NOT_ENOUGH_LICENSES");

internal sealed record RenewalLockedError(DateTimeOffset EffectiveDate)
    : MutationError(
        $"The plan is locked for renewal processing: assigning and revoking are refused within 12 hours before the renewal's effective date ({EffectiveDate:yyyy-MM-ddTHH:mm:ssZ}).",
        "RENEWAL_LOCKED");

internal sealed class PlanNotFoundErrorType : ErrorType<PlanNotFoundError>
{
    public PlanNotFoundErrorType() => Field<NonNullGraphType<IdGraphType>>("planId").Resolve(c => c.Source.PlanId);
}

internal sealed class EmptyEmailListErrorType : ErrorType<EmptyEmailListError>;

internal sealed class TooManyEmailsErrorType : ErrorType<TooManyEmailsError>
{
    public TooManyEmailsErrorType()
    {
        Field(e => e.Given);
        Field(e => e.Limit);
    }
}

internal sealed class InvalidEmailErrorType : ErrorType<InvalidEmailError>
{
    public InvalidEmailErrorType() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("emails")
            .Description("The invalid emails as given (at most 100).")
            .Resolve(c => c.Source.Emails.Take(100).ToList());
}

internal sealed class NotEnoughLicensesErrorType : ErrorType<NotEnoughLicensesError>
{
    public NotEnoughLicensesErrorType()
    {
        Field(e => e.Requested).Description("Emails that needed a new license (already associated ones excluded).");
        Field<NonNullGraphType<LongGraphType>>("available").Description("UNASSIGNED licenses that could be taken.").Resolve(c => c.Source.Available);
    }
}

internal sealed class RenewalLockedErrorType : ErrorType<RenewalLockedError>
{
    public RenewalLockedErrorType() => Field(e => e.EffectiveDate);
}

internal sealed record EmailNotVerifiedError()
    : MutationError("Your email address is not verified; licenses are matched by verified email only.", "EMAIL_NOT_VERIFIED");

internal sealed record ActivationKeyNotFoundError(string Email, Guid ActivationKey)
    : MutationError($"No current license exists for the email {Email} with activation key {ActivationKey}", "LICENSE_NOT_FOUND");

internal sealed record LicenseRevokedError()
    : MutationError("Cannot activate a revoked license.", "LICENSE_REVOKED");

internal sealed class EmailNotVerifiedErrorType : ErrorType<EmailNotVerifiedError>;

internal sealed class ActivationKeyNotFoundErrorType : ErrorType<ActivationKeyNotFoundError>;

internal sealed class LicenseRevokedErrorType : ErrorType<LicenseRevokedError>;
