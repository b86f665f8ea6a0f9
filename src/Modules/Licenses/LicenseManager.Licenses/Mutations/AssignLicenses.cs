using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

using License = LicenseManager.Licenses.Data.License;

internal sealed record LicenseAssignment(string UserEmail, License License);

/// <summary>All or nothing: either every new email gets a license or none does.</summary>
[Description("Assigns a license of the plan to each email (trimmed, lower-cased, de-duplicated); emails that already hold one are counted, not errors.")]
[Error<PlanNotFoundError>, Error<EmptyEmailListError>, Error<TooManyEmailsError>, Error<InvalidEmailError>, Error<NotEnoughLicensesError>, Error<RenewalLockedError>]
internal sealed class AssignLicenses
{
    public sealed record Input(
        [ID(LicenseQueries.PlanTypeName)] Guid PlanId,
        IReadOnlyList<string> UserEmails,
        [property: Description("Queue the assignment email (default true; the agreement may switch it off).")] bool? NotifyUsers,
        string? Greeting,
        string? Closing);

    public sealed record Payload(
        [property: Description("The licenses assigned by this call.")] IReadOnlyList<LicenseAssignment> Assignments,
        int NumSuccessfulAssignments,
        [property: Description("Emails that already held a live license in the plan.")] int NumAlreadyAssociated);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, ICurrentActor actor, IPlanTerms planTerms, UnitOfWorkFactory units, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (EmailInput.Check(input.UserEmails, required: true, out var emails) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var gate = await PlanGate.OpenAsync(actor, planTerms, input.PlanId, now, renewalLockApplies: true, cancellationToken);
        if (gate.Refused)
        {
            return gate.Error;
        }

        var plan = gate.Plan;
        var notify = (input.NotifyUsers ?? true) && !plan.DisableOnboardingNotifications;
        var result = await Assignment.AssignAsync(
            units, plan, emails, notify, input.Greeting, input.Closing, Actors.Describe(actor), now, cancellationToken);
        if (result.NotEnoughAvailable is { } available)
        {
            return new NotEnoughLicensesError(emails.Count - result.AlreadyAssociated.Count, available);
        }

        return new Payload(
            result.Assigned.Select(l => new LicenseAssignment(l.UserEmail!, l)).ToList(), result.Assigned.Count, result.AlreadyAssociated.Count);
    }
}
