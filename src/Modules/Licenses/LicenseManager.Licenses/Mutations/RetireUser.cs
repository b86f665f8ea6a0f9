using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Licenses.Mutations;

/// <summary>
/// Scrubs one user's PII from licenses and their history: revoked licenses keep their status without the email;
/// assigned and activated ones return to UNASSIGNED (the seat goes back to the pool). One statement each.
/// </summary>
[Description("Operators (and the retirement service): removes a retired user's email and identity from every license and its history.")]
internal sealed class RetireUser
{
    public sealed record Input([ID("User")] Guid UserId);

    public sealed record Payload(
        [property: Description("Licenses returned to the pool.")] int NumUnassigned,
        [property: Description("Revoked licenses whose email was scrubbed.")] int NumScrubbed);

    private const string RetireSql = """
        WITH targets AS (
            SELECT id, status, user_email FROM licenses.licenses WHERE user_id = @user FOR UPDATE
        ), changed AS (
            UPDATE licenses.licenses l
            SET user_email = NULL,
                status = CASE WHEN t.status = 3 THEN 3 ELSE 0 END,
                user_id = CASE WHEN t.status = 3 THEN l.user_id ELSE NULL END,
                activation_key = CASE WHEN t.status = 3 THEN l.activation_key ELSE NULL END,
                assigned_at = CASE WHEN t.status = 3 THEN l.assigned_at ELSE NULL END,
                activated_at = CASE WHEN t.status = 3 THEN l.activated_at ELSE NULL END,
                last_reminded_at = CASE WHEN t.status = 3 THEN l.last_reminded_at ELSE NULL END
            FROM targets t WHERE l.id = t.id
            RETURNING l.id, l.plan_id, l.enterprise_customer_id, t.status AS before, l.status AS after
        ), scrubbed_history AS (
            UPDATE licenses.license_events e SET email_before = NULL, email_after = NULL
            WHERE e.license_id IN (SELECT id FROM changed)
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after)
            SELECT id, plan_id, enterprise_customer_id, CASE WHEN after = 0 THEN 7 ELSE 8 END, @actor, @now, before, after FROM changed
        ), unsent AS (
            UPDATE licenses.outbox SET recipient = NULL, payload = jsonb_build_object('scrubbed', true)
            WHERE license_id IN (SELECT id FROM changed) AND sent_at IS NULL
        )
        SELECT count(*) FILTER (WHERE after = 0), count(*) FILTER (WHERE after = 3) FROM changed
        """;

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var command = unit.Command(RetireSql);
        command.Parameters.AddWithValue("user", input.UserId);
        command.Parameters.AddWithValue("actor", Actors.Describe(actor));
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Payload((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
