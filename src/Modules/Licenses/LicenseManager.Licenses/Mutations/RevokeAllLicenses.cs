using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Licenses.Pool;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

/// <summary>All or nothing, refused while the plan's revocation cap is on; set-based, see <see cref="Revocation.RevokeAllAsync"/>.</summary>
[Description("Revokes every assigned and activated license of the plan; refused while the revocation cap is enabled.")]
[Error<PlanNotFoundError>, Error<RevokeAllCapEnabledError>, Error<RenewalLockedError>]
internal sealed class RevokeAllLicenses
{
    public sealed record Input([ID(LicenseQueries.PlanTypeName)] Guid PlanId);

    public sealed record Payload(int NumRevoked);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, IPlanTerms planTerms, LicensePool pool, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var gate = await PlanGate.OpenAsync(actor, planTerms, input.PlanId, now, renewalLockApplies: true, cancellationToken);
        if (gate.Refused)
        {
            return gate.Error;
        }

        var plan = gate.Plan;
        if (plan.IsRevocationCapEnabled)
        {
            return new RevokeAllCapEnabledError();
        }

        return new Payload(await Revocation.RevokeAllAsync(unit, pool, plan, Actors.Describe(actor), now, cancellationToken));
    }
}
