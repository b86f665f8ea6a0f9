using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>
/// The admins' utilization notices (the reference's "limited allocations remaining" at 75% and "no allocations
/// remaining" at 100%, allocated = ASSIGNED + ACTIVATED of the live licenses): queued by the transaction that
/// raised allocation past a threshold, once per plan. The plan's counter row remembers the highest notice queued
/// and is only ever raised (a conditional UPDATE of that row), so concurrent assigns queue each notice once, a
/// jump from below 75% to 100% queues only the 100% one, and a revoke then re-assign doesn't repeat a notice.
/// The caller's statement has already changed the counters (their trigger locks the row until commit).
/// </summary>
internal static class UtilizationNotices
{
    private const string QueueSql = """
        WITH level AS (
            SELECT plan_id, assigned + activated AS allocated, unassigned + assigned + activated AS total,
                   CASE WHEN assigned + activated >= unassigned + assigned + activated THEN 100
                        WHEN (assigned + activated) * 4 >= (unassigned + assigned + activated) * 3 THEN 75
                        ELSE 0 END AS reached
            FROM licenses.plan_license_counts
            WHERE plan_id = @plan AND unassigned + assigned + activated > 0
        ), raised AS (
            UPDATE licenses.plan_license_counts c SET utilization_notified = l.reached
            FROM level l
            WHERE c.plan_id = l.plan_id AND l.reached > c.utilization_notified
            RETURNING l.reached, l.allocated, l.total
        )
        INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, recipient, payload, created_at, attempts)
        SELECT 'utilization-' || reached, @enterprise, @plan, NULL,
               jsonb_build_object('audience', 'enterprise-admins', 'thresholdPercent', reached,
                                  'numAllocatedLicenses', allocated, 'numLicenses', total,
                                  'subscriptionPlanTitle', @title::text, 'subscriptionPlanExpirationDate', @expiration),
               @now, 0
        FROM raised
        """;

    public static async Task QueueAsync(UnitOfWork unit, PlanTerms plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = unit.Command(QueueSql);
        command.Parameters.AddWithValue("plan", plan.PlanId);
        command.Parameters.AddWithValue("enterprise", plan.EnterpriseCustomerId);
        command.Parameters.AddWithValue("title", plan.Title);
        command.Parameters.AddWithValue("expiration", plan.ExpirationDate);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
