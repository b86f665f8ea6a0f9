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

/// <summary>By emails every one must hold an ASSIGNED license (else nothing is reminded); by <c>where</c> or all, the matching ASSIGNED ones.</summary>
[Description("Queues a reminder for assigned (not yet activated) licenses: by emails, by the licenses list's filter (the ASSIGNED ones among its matches), or all of the plan's.")]
[Error<PlanNotFoundError>, Error<SelectionRequiredError>, Error<InvalidEmailError>, Error<TooManyEmailsError>, Error<NoPendingLicenseError>]
internal sealed class RemindLicenses
{
    public sealed record Input(
        [ID(LicenseQueries.PlanTypeName)] Guid PlanId,
        IReadOnlyList<string>? UserEmails,
        [FilterInput("License")]
        [property: Description("The filter of licenses(planId, where:); the ASSIGNED licenses among the matches are reminded.")]
        IDictionary<string, object?>? Where,
        bool? All,
        string? Greeting,
        string? Closing);

    public sealed record Payload(int NumReminded);

    private const string RemindSql = """
        WITH locked AS (
            -- In id order, as every other statement that locks several of a plan's licenses.
            SELECT id FROM licenses.licenses WHERE id = ANY(@ids) AND status = 1 ORDER BY id FOR UPDATE
        ), reminded AS (
            UPDATE licenses.licenses l SET last_reminded_at = @now FROM locked WHERE l.id = locked.id
            RETURNING l.id, l.plan_id, l.enterprise_customer_id, l.user_email, l.activation_key
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_before, email_after)
            SELECT id, plan_id, enterprise_customer_id, 2, @actor, @now, 1, 1, user_email, user_email FROM reminded
        ), mail AS (
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, license_id, recipient, payload, created_at, attempts)
            SELECT 'license-reminder', enterprise_customer_id, plan_id, id, user_email,
                   jsonb_build_object('activationKey', activation_key, 'greeting', @greeting::text, 'closing', @closing::text), @now, 0
            FROM reminded
        )
        SELECT count(*) FROM reminded
        """;

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, IPlanTerms planTerms, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (EmailInput.ExactlyOne(("userEmails", input.UserEmails is not null), ("where", input.Where is not null), ("all", input.All == true)) is { } selection)
        {
            return selection;
        }

        if (EmailInput.Check(input.UserEmails, required: false, out var emails) is { } invalid)
        {
            return invalid;
        }

        // Reminding is allowed during the renewal lock (it changes no seat).
        var gate = await PlanGate.OpenAsync(actor, planTerms, input.PlanId, clock.GetUtcNow(), renewalLockApplies: false, cancellationToken);
        if (gate.Refused)
        {
            return gate.Error;
        }

        var plan = gate.Plan;
        LicenseStatus[] assigned = [LicenseStatus.Assigned];
        Guid[] ids;
        if (input.UserEmails is not null)
        {
            var targets = await LicenseSelection.LockByEmailsAsync(unit, plan.PlanId, emails, assigned, cancellationToken);
            var found = targets.Select(t => t.UserEmail).ToHashSet(StringComparer.Ordinal);
            if (emails.FirstOrDefault(e => !found.Contains(e)) is { } missing)
            {
                return new NoPendingLicenseError(missing);
            }

            ids = [.. targets.Select(t => t.Id)];
        }
        else
        {
            // Ids only (16 bytes a license, not whole rows): "all" may be most of a plan of a million.
            ids = await LicenseSelection.MatchingIdsAsync(unit, plan.PlanId, LicenseSelection.Translate(input.Where), assigned, cancellationToken);
        }

        if (ids.Length == 0)
        {
            return new NoPendingLicenseError(null);
        }

        await using var command = unit.Command(RemindSql);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("actor", Actors.Describe(actor));
        command.Parameters.AddWithValue("greeting", (object?)input.Greeting ?? DBNull.Value);
        command.Parameters.AddWithValue("closing", (object?)input.Closing ?? DBNull.Value);
        command.CommandTimeout = 120;
        var reminded = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        // Every match was activated or revoked meanwhile: as if none had matched (the statement changed nothing).
        return reminded == 0 ? new NoPendingLicenseError(null) : new Payload((int)reminded);
    }
}
