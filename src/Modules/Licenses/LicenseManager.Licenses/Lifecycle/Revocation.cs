using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Pool;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>
/// Revokes locked licenses of one plan: applies the cap (only ACTIVATED licenses consume it), then one
/// statement revokes, records history and queues mail, and COPY adds one UNASSIGNED replacement per revoked
/// license so the plan keeps its size. The plan's counter row is locked first, so concurrent revocations of a
/// plan see each other's cap consumption.
/// </summary>
internal static class Revocation
{
    public sealed record Outcome(IReadOnlyList<(License License, LicenseStatus OriginalStatus)> Revoked, IReadOnlyList<License> RefusedByCap);

    /// <summary>
    /// Revokes the rows of <c>target(id, status)</c> that are still ASSIGNED or ACTIVATED, records their history
    /// (with the status each had) and queues their mail; answers how many. Each caller puts its own target first.
    /// </summary>
    private const string RevokeTargets = """
        , revoked AS (
            UPDATE licenses.licenses l SET status = 3, revoked_at = @now
            FROM target t
            WHERE l.id = t.id AND l.status IN (1, 2)
            RETURNING l.id, l.plan_id, l.enterprise_customer_id, l.user_email, t.status AS status_before
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_before, email_after)
            SELECT id, plan_id, enterprise_customer_id, 4, @actor, @now, status_before, 3, user_email, user_email FROM revoked
        ), mail AS (
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, license_id, recipient, payload, created_at, attempts)
            SELECT 'license-revoked', enterprise_customer_id, plan_id, id, user_email, jsonb_build_object(), @now, 0 FROM revoked
        )
        SELECT count(*)::int FROM revoked
        """;

    /// <summary>Licenses already locked by the caller, with the status each had.</summary>
    private const string RevokeListed = "WITH target AS (SELECT id, status FROM unnest(@ids, @statuses) AS o(id, status))" + RevokeTargets;

    /// <summary>Every live license of the plan, locked here in id order as every other locker of licenses does.</summary>
    private const string RevokeEveryLive =
        "WITH target AS (SELECT id, status FROM licenses.licenses WHERE plan_id = @plan AND status IN (1, 2) ORDER BY id FOR UPDATE)" + RevokeTargets;

    /// <summary>
    /// Every ASSIGNED or ACTIVATED license of the plan, when the cap is off (revokeAllLicenses refuses otherwise):
    /// no row leaves the database. One statement locks them in id order (as every other locker of licenses does),
    /// revokes them, records history and queues mail; COPY adds the replacements. A million-license plan costs
    /// no memory in this process, where loading the rows for <see cref="RevokeAsync"/> cost about 200 bytes each.
    /// </summary>
    public static async Task<int> RevokeAllAsync(
        UnitOfWork unit, LicensePool pool, PlanTerms plan, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (plan.IsRevocationCapEnabled)
        {
            throw new InvalidOperationException("Revoking all licenses is refused while the revocation cap is on.");
        }

        await using var command = unit.Command(RevokeEveryLive);
        command.Parameters.AddWithValue("plan", plan.PlanId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("actor", actor);
        command.CommandTimeout = 600;
        var revoked = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (revoked > 0)
        {
            await pool.AddUnassignedAsync(unit, plan.PlanId, plan.EnterpriseCustomerId, revoked, cancellationToken);
        }

        return revoked;
    }

    public static async Task<Outcome> RevokeAsync(
        UnitOfWork unit, LicensePool pool, PlanTerms plan, IReadOnlyList<License> targets, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (live, applied) = await CountersAsync(unit, plan.PlanId, cancellationToken);
        var remaining = plan.IsRevocationCapEnabled ? RevocationCap.Remaining(live, plan.RevokeMaxPercentage, applied) : long.MaxValue;
        var revoke = new List<(License, LicenseStatus)>();
        var refused = new List<License>();
        foreach (var license in targets)
        {
            if (license.Status == LicenseStatus.Activated && plan.IsRevocationCapEnabled)
            {
                if (remaining <= 0)
                {
                    refused.Add(license);
                    continue;
                }

                remaining--;
            }

            revoke.Add((license, license.Status));
        }

        if (revoke.Count == 0)
        {
            await RecordCapAsync(unit, plan, consumed: 0, refused.Count, remaining, now, cancellationToken);
            return new Outcome([], refused);
        }

        await using (var command = unit.Command(RevokeListed))
        {
            command.Parameters.AddWithValue("ids", revoke.Select(r => r.Item1.Id).ToArray());
            command.Parameters.AddWithValue("statuses", revoke.Select(r => (int)r.Item2).ToArray());
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("actor", actor);
            command.CommandTimeout = 120;
            await command.ExecuteScalarAsync(cancellationToken);
        }

        var consumed = plan.IsRevocationCapEnabled ? revoke.Count(r => r.Item2 == LicenseStatus.Activated) : 0;
        await RecordCapAsync(unit, plan, consumed, refused.Count, remaining, now, cancellationToken);
        await pool.AddUnassignedAsync(unit, plan.PlanId, plan.EnterpriseCustomerId, revoke.Count, cancellationToken);
        foreach (var (license, _) in revoke)
        {
            license.Status = LicenseStatus.Revoked;
            license.RevokedAt = now;
        }

        return new Outcome(revoke, refused);
    }

    private static async Task<(long Live, int Applied)> CountersAsync(UnitOfWork unit, Guid planId, CancellationToken cancellationToken)
    {
        var live = await LicensePool.LockCountersAsync(unit, planId, cancellationToken);
        await using var command = unit.Command("SELECT revocations_applied FROM licenses.plan_license_counts WHERE plan_id = @plan");
        command.Parameters.AddWithValue("plan", planId);
        return (live, (int)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <summary>
    /// Counts consumed revocations; the first time the cap is found exhausted, operators are notified (once per plan,
    /// the flag on the locked counter row). Exhausted means by this call's revocations, or already when this call was
    /// refused by it (the percentage was lowered below what was applied): either way operators hear of it once.
    /// </summary>
    private static async Task RecordCapAsync(
        UnitOfWork unit, PlanTerms plan, int consumed, int refused, long remaining, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!plan.IsRevocationCapEnabled || (consumed == 0 && refused == 0))
        {
            return;
        }

        await using var command = unit.Command("""
            WITH counted AS (
                UPDATE licenses.plan_license_counts
                SET revocations_applied = revocations_applied + @consumed,
                    cap_reached_notified = cap_reached_notified OR @exhausted
                WHERE plan_id = @plan
                RETURNING revocations_applied, (@exhausted AND NOT (SELECT cap_reached_notified FROM licenses.plan_license_counts WHERE plan_id = @plan)) AS first_time
            )
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, recipient, payload, created_at, attempts)
            SELECT 'revocation-cap-reached', @enterprise, @plan, NULL,
                   jsonb_build_object('subscriptionTitle', @title::text, 'numRevocationsApplied', revocations_applied, 'reachedAt', @now), @now, 0
            FROM counted WHERE first_time
            """);
        command.Parameters.AddWithValue("consumed", consumed);
        command.Parameters.AddWithValue("exhausted", remaining <= 0);
        command.Parameters.AddWithValue("plan", plan.PlanId);
        command.Parameters.AddWithValue("enterprise", plan.EnterpriseCustomerId);
        command.Parameters.AddWithValue("title", plan.Title);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
