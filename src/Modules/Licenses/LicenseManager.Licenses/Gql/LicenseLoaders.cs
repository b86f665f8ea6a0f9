using GraphQL;
using GraphQL.DataLoader;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// Batched reads under a list of licenses: one query per field and level, whatever the page size. Resolvers
/// return the loader's pending result so the executor collects every parent's key before the query runs.
/// </summary>
internal static class LicenseLoaders
{
    public static object? ById(IResolveFieldContext context, Guid? id)
    {
        if (id is not { } key)
        {
            return null;
        }

        var actor = context.CurrentActor();
        var loader = BatchLoaders.For<Guid, License>(context, async (ids, cancellationToken) =>
        {
            await using var db = await Factory(context).CreateDbContextAsync(cancellationToken);
            return await db.Licenses.AsNoTracking().VisibleTo(actor).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        });
        return loader.Load(key);
    }

    /// <summary>The stored transitions, after the <c>created</c> entry derived from the license row itself.</summary>
    public static IDataLoaderResult Events(IResolveFieldContext context, License license)
    {
        var licenseId = license.Id;
        var created = new LicenseEvent
        {
            LicenseId = license.Id, SubscriptionPlanId = license.SubscriptionPlanId, EnterpriseCustomerId = license.EnterpriseCustomerId,
            Kind = LicenseEventKind.Created, Actor = "system", At = license.CreatedAt, StatusAfter = LicenseStatus.Unassigned,
        };
        var loader = BatchLoaders.For<Guid, List<LicenseEvent>>(context, async (ids, cancellationToken) =>
        {
            await using var db = await Factory(context).CreateDbContextAsync(cancellationToken);
            var rows = await db.Events.AsNoTracking().Where(e => ids.Contains(e.LicenseId)).OrderBy(e => e.LicenseId).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            return rows.GroupBy(e => e.LicenseId).ToDictionary(g => g.Key, g => g.ToList());
        });
        return new WithCreated(created, loader.Load(licenseId));
    }

    private static IDbContextFactory<LicensesDbContext> Factory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<LicensesDbContext>>();

    private sealed class WithCreated(LicenseEvent created, IDataLoaderResult<List<LicenseEvent>?> stored) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (List<LicenseEvent>)[created, .. await stored.GetResultAsync(cancellationToken) ?? []];
    }
}
