using GraphQL;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Platform.Gql.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// <c>totalCount</c> of a plan's licenses from the trigger-kept counters when the filter is none or only
/// <c>status: { eq | in }</c> (exact, one primary-key read); any other filter is an exact COUNT(*) cached per
/// (plan, filter) and validated by the plan's counter version (<see cref="VersionedCounts"/>).
/// </summary>
internal static class LicenseTotals
{
    public static TotalCount.Root<LicensesDbContext> ForPlan(Func<IResolveFieldContext, Guid?> planIdOf) => async (request, cancellationToken) =>
    {
        if (planIdOf(request.Context) is not { } planId || request.Rows is not IQueryable<License> rows)
        {
            return null;
        }

        // Neither the counters nor the count cache know a tenant: only answer when the caller sees the plan's
        // rows at all (then it sees all of them: a plan's licenses are its enterprise's).
        var visibleRows = LicenseQueries.OfPlan(request.Context, request.Db, planId);
        if (StatusesOf(request.Where) is not { } statuses)
        {
            // Any other filter: an exact count, cached until a statement changes the plan's licenses (the counter
            // row's version, renewed by the counter triggers). The version is only read for a caller who sees the
            // rows (no version: the cache is not used, the caller's own rows are counted), in the same statement.
            var cache = request.Context.RequestServices!.GetRequiredService<VersionedCounts>();
            var version = request.Db.PlanCounts.Where(c => c.SubscriptionPlanId == planId && visibleRows.Any()).Select(c => c.Version);
            return await cache.CountAsync($"licenses:plan:{planId:N}", version, rows, request.Where, cancellationToken);
        }

        var visible = await visibleRows.Select(l => l.EnterpriseCustomerId).FirstOrDefaultAsync(cancellationToken);
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
