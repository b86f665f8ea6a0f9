using GraphQL;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Mutations;

/// <summary>A plan the caller manages, by its global id; another enterprise's plan is reported as not found.</summary>
internal static class PlanLookup
{
    public static async Task<PlanTerms?> ManagedAsync(IResolveFieldContext context, string planId, CancellationToken cancellationToken)
    {
        if (!NodeId.TryDecodeGuid(planId, LicenseQueries.PlanTypeName, out var id))
        {
            return null;
        }

        var terms = await context.RequestServices!.GetRequiredService<IPlanTerms>().GetManyAsync([id], cancellationToken);
        return terms.TryGetValue(id, out var plan) && context.CurrentActor().CanManagePlansOf(plan.EnterpriseCustomerId) ? plan : null;
    }
}
