using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;
using Npgsql;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>
/// Assigns licenses to new emails in one statement: UNASSIGNED rows of the plan are taken in id order
/// <c>FOR UPDATE SKIP LOCKED</c> (concurrent assigns take different rows instead of waiting or failing), paired
/// with the emails by position, updated, and their history and notification rows written by the same statement.
/// The live-email unique index is the last line against two assigns of one email at once. When the rows left
/// free are too few because concurrent assigns hold some, the attempt is rolled back and repeated waiting for
/// those locks, so an assign never fails merely because another one was running (one that rolls back frees its rows).
/// An assignment that raises the plan's allocation past 75% or 100% queues the admins' notice in its transaction.
/// </summary>
internal static class Assignment
{
    public sealed record Result(IReadOnlyList<string> AlreadyAssociated, IReadOnlyList<License> Assigned, long? NotEnoughAvailable);

    private const int BulkThreshold = 10_000;

    private const string AssignSql = """
        WITH wanted AS (
            SELECT w.email, w.activation_key, w.ord FROM unnest(@emails, @keys) WITH ORDINALITY AS w(email, activation_key, ord)
        ), picked AS (
            SELECT id FROM licenses.licenses WHERE plan_id = @plan AND status = 0
            ORDER BY id LIMIT @count {0}
        ), numbered AS (
            SELECT id, row_number() OVER (ORDER BY id) AS ord FROM picked
        ), assigned AS (
            UPDATE licenses.licenses l
            SET status = 1, user_email = w.email, activation_key = w.activation_key, user_id = NULL,
                assigned_at = @now, last_reminded_at = @now, activated_at = NULL, revoked_at = NULL
            FROM numbered n JOIN wanted w ON w.ord = n.ord
            WHERE l.id = n.id
            RETURNING l.id, l.user_email, l.activation_key, l.created_at
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_after)
            SELECT id, @plan, @enterprise, 1, @actor, @now, 0, 1, user_email FROM assigned
        ), mail AS (
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, license_id, recipient, payload, created_at, attempts)
            SELECT 'license-assigned', @enterprise, @plan, id, user_email,
                   jsonb_build_object('activationKey', activation_key, 'greeting', @greeting::text, 'closing', @closing::text), @now, 0
            FROM assigned WHERE @notify
        )
        SELECT id, user_email, activation_key, created_at FROM assigned
        """;

    private static readonly string AssignSkippingLocked = string.Format(AssignSql, "FOR UPDATE SKIP LOCKED");
    private static readonly string AssignWaiting = string.Format(AssignSql, "FOR UPDATE");

    public static async Task<Result> AssignAsync(
        UnitOfWorkFactory units,
        PlanTerms plan,
        IReadOnlyList<string> emails,
        bool notify,
        string? greeting,
        string? closing,
        string actor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAssignAsync(units, plan, emails, notify, greeting, closing, actor, now, wait: false, cancellationToken)
                    ?? await TryAssignAsync(units, plan, emails, notify, greeting, closing, actor, now, wait: true, cancellationToken)
                    ?? throw new InvalidOperationException("A waiting assignment always reports its outcome.");
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // Another assign took one of these emails meanwhile: start over, it is now "already associated".
            }
        }
    }

    /// <summary>Null when, without waiting, concurrent assigns held rows this one needed (nothing was assigned).</summary>
    private static async Task<Result?> TryAssignAsync(
        UnitOfWorkFactory units, PlanTerms plan, IReadOnlyList<string> emails, bool notify,
        string? greeting, string? closing, string actor, DateTimeOffset now, bool wait, CancellationToken cancellationToken)
    {
        var (planId, enterpriseId) = (plan.PlanId, plan.EnterpriseCustomerId);
        // A large assignment runs on the bulk source (its own connections, long command timeout), not the request path's.
        await using var unit = emails.Count >= BulkThreshold ? await units.BeginBulkAsync(cancellationToken) : await units.BeginAsync(cancellationToken);
        var associated = await AlreadyAssociatedAsync(unit, planId, emails, cancellationToken);
        var fresh = emails.Where(e => !associated.Contains(e)).ToArray();
        if (fresh.Length == 0)
        {
            return new Result(associated.ToList(), [], null);
        }

        var available = await UnassignedAsync(unit, planId, cancellationToken);
        if (available < fresh.Length)
        {
            return new Result(associated.ToList(), [], available);
        }

        var assigned = new List<License>(fresh.Length);
        await using (var command = unit.Command(wait ? AssignWaiting : AssignSkippingLocked))
        {
            command.Parameters.AddWithValue("emails", fresh);
            command.Parameters.AddWithValue("keys", ActivationKeys(fresh.Length, now));
            command.Parameters.AddWithValue("count", fresh.Length);
            command.Parameters.AddWithValue("plan", planId);
            command.Parameters.AddWithValue("enterprise", enterpriseId);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("actor", actor);
            command.Parameters.AddWithValue("notify", notify);
            command.Parameters.AddWithValue("greeting", (object?)greeting ?? DBNull.Value);
            command.Parameters.AddWithValue("closing", (object?)closing ?? DBNull.Value);
            command.CommandTimeout = 120;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                assigned.Add(new License
                {
                    Id = reader.GetGuid(0), SubscriptionPlanId = planId, EnterpriseCustomerId = enterpriseId, Status = LicenseStatus.Assigned,
                    UserEmail = reader.GetString(1), ActivationKey = reader.GetGuid(2), AssignedAt = now, LastRemindedAt = now,
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                });
            }
        }

        if (assigned.Count < fresh.Length)
        {
            // Concurrent assigns hold the rest: nothing is assigned (the unit rolls back on dispose); without
            // waiting, the caller repeats the attempt waiting for their locks.
            return wait ? new Result(associated.ToList(), [], assigned.Count) : null;
        }

        await UtilizationNotices.QueueAsync(unit, plan, now, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return new Result(associated.ToList(), assigned, null);
    }

    /// <summary>
    /// v7 keys, sorted like the licenses they are paired with (by id), so the unique key index is appended to
    /// rather than written at 100,000 random pages. 74 random bits each; a key only works with its owner's email.
    /// </summary>
    private static Guid[] ActivationKeys(int count, DateTimeOffset now)
    {
        var keys = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Guid.CreateVersion7(now);
        }

        Array.Sort(keys);
        return keys;
    }

    private static async Task<HashSet<string>> AlreadyAssociatedAsync(UnitOfWork unit, Guid planId, string[] emails, CancellationToken cancellationToken)
    {
        await using var command = unit.Command(
            "SELECT lower(user_email) FROM licenses.licenses WHERE plan_id = @plan AND status IN (1, 2) AND lower(user_email) = ANY(@emails)");
        command.Parameters.AddWithValue("plan", planId);
        command.Parameters.AddWithValue("emails", emails);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static Task<HashSet<string>> AlreadyAssociatedAsync(UnitOfWork unit, Guid planId, IReadOnlyList<string> emails, CancellationToken cancellationToken) =>
        AlreadyAssociatedAsync(unit, planId, emails as string[] ?? emails.ToArray(), cancellationToken);

    private static async Task<long> UnassignedAsync(UnitOfWork unit, Guid planId, CancellationToken cancellationToken)
    {
        await using var command = unit.Command("SELECT coalesce((SELECT unassigned FROM licenses.plan_license_counts WHERE plan_id = @plan), 0)");
        command.Parameters.AddWithValue("plan", planId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
