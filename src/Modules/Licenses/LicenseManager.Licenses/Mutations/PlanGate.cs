using System.Diagnostics.CodeAnalysis;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

/// <summary>
/// What every plan-admin mutation checks before touching licenses: the plan exists and the caller manages it
/// (another enterprise's plan is reported exactly like an unknown one), and, for changes the renewal lock
/// forbids (assign, revoke), that the plan is not within 12 hours of its renewal.
/// </summary>
internal static class PlanGate
{
    public sealed record Opened(PlanTerms? Plan, MutationError? Error)
    {
        [MemberNotNullWhen(true, nameof(Error))]
        [MemberNotNullWhen(false, nameof(Plan))]
        public bool Refused => Error is not null;
    }

    public static async Task<Opened> OpenAsync(
        ICurrentActor actor, IPlanTerms planTerms, Guid planId, DateTimeOffset now, bool renewalLockApplies, CancellationToken cancellationToken)
    {
        var terms = await planTerms.GetManyAsync([planId], cancellationToken);
        if (!terms.TryGetValue(planId, out var plan) || !actor.CanManagePlansOf(plan.EnterpriseCustomerId))
        {
            return new Opened(null, new PlanNotFoundError(planId));
        }

        return renewalLockApplies && plan.IsLockedForRenewal(now)
            ? new Opened(null, new RenewalLockedError(plan.RenewalEffectiveDate!.Value))
            : new Opened(plan, null);
    }
}
