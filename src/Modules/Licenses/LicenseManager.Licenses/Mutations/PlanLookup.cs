using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Gql;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

/// <summary>A plan the caller manages; another enterprise's plan is reported exactly like an unknown one.</summary>
internal static class PlanLookup
{
    public static async Task<PlanTerms?> ManagedAsync(ICurrentActor actor, IPlanTerms planTerms, Guid planId, CancellationToken cancellationToken)
    {
        var terms = await planTerms.GetManyAsync([planId], cancellationToken);
        return terms.TryGetValue(planId, out var plan) && actor.CanManagePlansOf(plan.EnterpriseCustomerId) ? plan : null;
    }
}
