using GraphQL;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql.Paging;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// <c>totalCount</c> of a plan's licenses from the trigger-kept counters when the filter is none or only
/// <c>status: { eq | in }</c> (exact, one primary-key read); any other filter falls back to COUNT(*).
/// </summary>
internal static class LicenseTotals
{
    public static TotalCount.Root<LicensesDbContext> ForPlan(Func<IResolveFieldContext, Guid?> planIdOf) => async (request, cancellationToken) =>
    {
        if (StatusesOf(request.Where) is not { } statuses || planIdOf(request.Context) is not { } planId)
        {
            return null;
        }

        // The counters know no tenant: only answer when the caller sees the plan's rows at all.
        var visible = await LicenseQueries.OfPlan(request.Context, request.Db, planId).Select(l => l.EnterpriseCustomerId).FirstOrDefaultAsync(cancellationToken);
        if (visible == Guid.Empty)
        {
            return 0;
        }

        var counts = await request.Db.PlanCounts.AsNoTracking().SingleOrDefaultAsync(c => c.SubscriptionPlanId == planId, cancellationToken);
        if (counts is null)
        {
            return 0;
        }

        return (int)statuses.Sum(s => s switch
        {
            LicenseStatus.Unassigned => counts.Unassigned,
            LicenseStatus.Assigned => counts.Assigned,
            LicenseStatus.Activated => counts.Activated,
            _ => counts.Revoked,
        });
    };

    /// <summary>The statuses the filter keeps, or null when it filters on anything else.</summary>
    private static IReadOnlyList<LicenseStatus>? StatusesOf(IDictionary<string, object?>? where)
    {
        if (TotalCount.IsUnfiltered(where))
        {
            return Enum.GetValues<LicenseStatus>();
        }

        if (where is null || where.Any(p => p.Key != "status" && p.Value is not null) || where["status"] is not IDictionary<string, object?> status)
        {
            return null;
        }

        var operations = status.Where(o => o.Value is not null).ToList();
        return operations switch
        {
            [{ Key: "eq", Value: LicenseStatus one }] => [one],
            [{ Key: "in", Value: System.Collections.IEnumerable many }] => many.OfType<LicenseStatus>().Distinct().ToList(),
            _ => null,
        };
    }
}
