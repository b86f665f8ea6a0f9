using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Demo;

/// <summary>
/// The demo learner's license, assigned and activated in the demo enterprise's current plan (seeded by
/// Subscriptions before this runs), so the first contentAccess call with the demo learner's token is granted.
/// Idempotent. The license matches the learner by verified email; the user id is set on their first activation
/// elsewhere (Identity exposes no lookup by email to other modules).
/// </summary>
internal static class LicensesDemoSeed
{
    public const string LearnerEmail = "learner@example.com";

    public static async Task<string?> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plans = await services.GetRequiredService<IPlanTerms>().ForEnterpriseAsync(DemoAccounts.EnterpriseId, cancellationToken);
        if (plans.Where(p => p.IsInEffect(now)).OrderByDescending(p => p.StartDate).FirstOrDefault() is not { } plan)
        {
            return null;
        }

        var units = services.GetRequiredService<UnitOfWorkFactory>();
        var result = await Assignment.AssignAsync(
            units, plan, [LearnerEmail], notify: false, null, null, "system:seed-demo", now, cancellationToken);
        await using var unit = await units.BeginAsync(cancellationToken);
        await using var activate = unit.Command("""
            WITH activated AS (
                UPDATE licenses.licenses SET status = 2, activated_at = @now
                WHERE plan_id = @plan AND status = 1 AND user_email = @email
                RETURNING id, plan_id, enterprise_customer_id, user_email
            )
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_before, email_after)
            SELECT id, plan_id, enterprise_customer_id, 3, 'system:seed-demo', @now, 1, 2, user_email, user_email FROM activated
            """);
        activate.Parameters.AddWithValue("now", now);
        activate.Parameters.AddWithValue("plan", plan.PlanId);
        activate.Parameters.AddWithValue("email", LearnerEmail);
        var activated = await activate.ExecuteNonQueryAsync(cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return result.Assigned.Count > 0 || activated > 0
            ? $"Demo license: {LearnerEmail} holds an activated license of '{plan.Title}'."
            : null;
    }
}
