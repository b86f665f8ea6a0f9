using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;
using Npgsql;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>
/// Gives the learner an UNASSIGNED license of the auto-apply plan, ACTIVATED at once. Concurrent calls take
/// different rows (SKIP LOCKED); two calls for the same learner collide on the live-email unique index, and the
/// loser starts over and finds the winner's license. When every UNASSIGNED row is locked by a concurrent call,
/// the take is repeated waiting for those locks: a call that rolls back (such a loser) frees its row, so nobody
/// is told "none left" merely because another call was running. Raising the plan's allocation past 75% or 100%
/// queues the admins' notice in the same transaction.
/// </summary>
internal static class AutoApply
{
    public enum Outcome
    {
        Applied,
        Existing,
        Revoked,
        NoneLeft,
    }

    private const string TakeSql = $$"""
        WITH picked AS (
            SELECT id AS picked_id FROM licenses.licenses WHERE plan_id = @plan AND status = 0 ORDER BY id LIMIT 1 {0}
        ), applied AS (
            UPDATE licenses.licenses l
            SET status = 2, user_email = @email, user_id = @user, activation_key = @key, auto_applied = true,
                assigned_at = @now, activated_at = @now, last_reminded_at = @now
            FROM picked WHERE l.id = picked.picked_id
            RETURNING {{LearnerLicenses.Columns}}
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_after)
            SELECT id, plan_id, enterprise_customer_id, 3, @actor, @now, 0, 2, user_email FROM applied
        ), mail AS (
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, license_id, recipient, payload, created_at, attempts)
            SELECT 'license-auto-applied', enterprise_customer_id, plan_id, id, user_email, jsonb_build_object(), @now, 0 FROM applied WHERE @notify
        )
        SELECT {{LearnerLicenses.Columns}} FROM applied
        """;

    private static readonly string TakeSkippingLocked = string.Format(TakeSql, "FOR UPDATE SKIP LOCKED");
    private static readonly string TakeWaiting = string.Format(TakeSql, "FOR UPDATE");

    public static async Task<(Outcome Outcome, License? License)> RunAsync(
        UnitOfWorkFactory units, PlanTerms plan, Guid userId, string email, bool notify, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(units, plan, userId, email, notify, actor, now, cancellationToken);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // A concurrent call for this learner won: the next attempt returns its license.
            }
        }
    }

    private static async Task<(Outcome, License?)> TryAsync(
        UnitOfWorkFactory units, PlanTerms plan, Guid userId, string email, bool notify, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planId = plan.PlanId;
        await using var unit = await units.BeginAsync(cancellationToken);
        var held = new List<License>();
        await using (var find = unit.Command($"""
            SELECT {LearnerLicenses.Columns} FROM licenses.licenses
            WHERE plan_id = @plan AND status <> 0 AND (user_id = @user OR user_email = @email)
            """))
        {
            find.Parameters.AddWithValue("plan", planId);
            find.Parameters.AddWithValue("user", userId);
            find.Parameters.AddWithValue("email", email);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                held.Add(LearnerLicenses.Read(reader));
            }
        }

        if (held.FirstOrDefault(l => l.Status is LicenseStatus.Assigned or LicenseStatus.Activated) is { } existing)
        {
            return (Outcome.Existing, existing);
        }

        if (held.Count > 0)
        {
            return (Outcome.Revoked, null);
        }

        var applied = await TakeAsync(unit, TakeSkippingLocked, planId, userId, email, notify, actor, now, cancellationToken)
            ?? await TakeAsync(unit, TakeWaiting, planId, userId, email, notify, actor, now, cancellationToken);
        if (applied is null)
        {
            return (Outcome.NoneLeft, null);
        }

        await UtilizationNotices.QueueAsync(unit, plan, now, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return (Outcome.Applied, applied);
    }

    private static async Task<License?> TakeAsync(
        UnitOfWork unit, string sql, Guid planId, Guid userId, string email, bool notify, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var take = unit.Command(sql);
        take.Parameters.AddWithValue("plan", planId);
        take.Parameters.AddWithValue("email", email);
        take.Parameters.AddWithValue("user", userId);
        take.Parameters.AddWithValue("key", Guid.NewGuid());
        take.Parameters.AddWithValue("now", now);
        take.Parameters.AddWithValue("actor", actor);
        take.Parameters.AddWithValue("notify", notify);
        await using var reader = await take.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? LearnerLicenses.Read(reader) : null;
    }
}
