using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Licenses.Pool;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

/// <summary>
/// Per-item results: what could be revoked is, what could not is reported. Only ACTIVATED licenses consume
/// the cap (the reference's pre-check counted every email). Each revoked license gets an UNASSIGNED replacement.
/// </summary>
[Description("Revokes the live licenses of the given emails, or the ASSIGNED and ACTIVATED ones among the matches of the licenses list's filter; each is replaced by a new unassigned license.")]
[Error<PlanNotFoundError>, Error<SelectionRequiredError>, Error<InvalidEmailError>, Error<TooManyEmailsError>, Error<RenewalLockedError>]
internal sealed class RevokeLicenses
{
    public sealed record Input(
        [ID(LicenseQueries.PlanTypeName)] Guid PlanId,
        IReadOnlyList<string>? UserEmails,
        [FilterInput("License")]
        [property: Description("The filter of licenses(planId, where:); the ASSIGNED and ACTIVATED licenses among the matches are revoked.")]
        IDictionary<string, object?>? Where);

    public sealed record Payload(
        IReadOnlyList<LicenseRevocation> Revocations,
        IReadOnlyList<RevocationFailure> Failures,
        int NumRevoked);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, IPlanTerms planTerms, LicensePool pool, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (EmailInput.ExactlyOne(("userEmails", input.UserEmails is not null), ("where", input.Where is not null)) is { } selection)
        {
            return selection;
        }

        if (EmailInput.Check(input.UserEmails, required: false, out var emails) is { } invalid)
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
        LicenseStatus[] live = [LicenseStatus.Assigned, LicenseStatus.Activated];
        var targets = input.UserEmails is null
            ? await LicenseSelection.LockMatchingAsync(unit, plan.PlanId, LicenseSelection.Translate(input.Where), live, cancellationToken)
            : await LicenseSelection.LockByEmailsAsync(unit, plan.PlanId, emails, live, cancellationToken);
        var found = targets.Select(t => t.UserEmail).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var failures = emails.Where(e => !found.Contains(e)).Select(RevocationFailures.NotFound).ToList();

        var outcome = await Revocation.RevokeAsync(unit, pool, plan, targets, Actors.Describe(actor), now, cancellationToken);
        failures.AddRange(outcome.RefusedByCap.Select(l => RevocationFailures.CapReached(l.UserEmail)));
        return new Payload(
            outcome.Revoked.Select(r => new LicenseRevocation(r.License.UserEmail, r.License, r.OriginalStatus)).ToList(), failures, outcome.Revoked.Count);
    }
}
