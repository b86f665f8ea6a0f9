using GraphQL;
using GraphQL.Types;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Mutations;

internal sealed record AssignLicensesInput(string PlanId, IReadOnlyList<string> UserEmails, bool? NotifyUsers, string? Greeting, string? Closing);

internal sealed record LicenseAssignment(string UserEmail, License License);

internal sealed record AssignLicensesPayload(
    IReadOnlyList<LicenseAssignment> Assignments, int NumSuccessfulAssignments, int NumAlreadyAssociated, IReadOnlyList<MutationError>? Errors = null)
    : IMutationPayload
{
    public static AssignLicensesPayload Failed(MutationError error) => new([], 0, 0, [error]);
}

internal sealed class AssignLicensesInputType : MutationInputType<AssignLicensesInput>
{
    public AssignLicensesInputType()
        : base(AssignLicenses.Name)
    {
        Field(i => i.PlanId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.UserEmails, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(i => i.NotifyUsers, nullable: true).Description("Queue the assignment email (default true; the agreement may switch it off).");
        Field(i => i.Greeting, nullable: true);
        Field(i => i.Closing, nullable: true);
    }
}

internal sealed class LicenseAssignmentType : ObjectGraphType<LicenseAssignment>
{
    public LicenseAssignmentType()
    {
        Name = "LicenseAssignment";
        Field(a => a.UserEmail);
        Field(a => a.License, type: typeof(NonNullGraphType<LicenseType>));
    }
}

internal sealed class AssignLicensesErrorType() : ErrorUnionType(
    AssignLicenses.Name,
    typeof(PlanNotFoundErrorType),
    typeof(EmptyEmailListErrorType),
    typeof(TooManyEmailsErrorType),
    typeof(InvalidEmailErrorType),
    typeof(NotEnoughLicensesErrorType),
    typeof(RenewalLockedErrorType));

internal sealed class AssignLicensesPayloadType : PayloadType<AssignLicensesPayload, AssignLicensesErrorType>
{
    public AssignLicensesPayloadType()
        : base(AssignLicenses.Name)
    {
        Field(p => p.Assignments, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<LicenseAssignmentType>>>))
            .Description("The licenses assigned by this call.");
        Field(p => p.NumSuccessfulAssignments);
        Field(p => p.NumAlreadyAssociated).Description("Emails that already held a live license in the plan (not an error).");
    }
}

/// <summary>All or nothing: either every new email gets a license or none does.</summary>
internal static class AssignLicenses
{
    public const string Name = "assignLicenses";

    public const int MaxEmails = 100_000;

    public static async Task<IMutationPayload> ResolveAsync(IResolveFieldContext context, AssignLicensesInput input, CancellationToken cancellationToken)
    {
        if (input.UserEmails.Count == 0)
        {
            return AssignLicensesPayload.Failed(new EmptyEmailListError());
        }

        if (input.UserEmails.Count > MaxEmails)
        {
            return AssignLicensesPayload.Failed(new TooManyEmailsError(input.UserEmails.Count, MaxEmails));
        }

        var (emails, invalid) = Emails.Prepare(input.UserEmails);
        if (invalid.Count > 0)
        {
            return AssignLicensesPayload.Failed(new InvalidEmailError(invalid));
        }

        var plan = await PlanLookup.ManagedAsync(context, input.PlanId, cancellationToken);
        if (plan is null)
        {
            return AssignLicensesPayload.Failed(new PlanNotFoundError(input.PlanId));
        }

        var services = context.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (plan.IsLockedForRenewal(now))
        {
            return AssignLicensesPayload.Failed(new RenewalLockedError(plan.RenewalEffectiveDate!.Value));
        }

        var notify = (input.NotifyUsers ?? true) && !plan.DisableOnboardingNotifications;
        var result = await Assignment.AssignAsync(
            services.GetRequiredService<UnitOfWorkFactory>(), plan.PlanId, plan.EnterpriseCustomerId, emails, notify,
            input.Greeting, input.Closing, Actors.Describe(context.CurrentActor()), now, cancellationToken);
        if (result.NotEnoughAvailable is { } available)
        {
            return AssignLicensesPayload.Failed(new NotEnoughLicensesError(emails.Count - result.AlreadyAssociated.Count, available));
        }

        return new AssignLicensesPayload(
            result.Assigned.Select(l => new LicenseAssignment(l.UserEmail!, l)).ToList(), result.Assigned.Count, result.AlreadyAssociated.Count);
    }
}
