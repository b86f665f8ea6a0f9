using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Processes a renewal now: atomic (all or nothing) and idempotent (a processed renewal is returned as it is).")]
[Error<RenewalNotFoundError>, Error<RenewedPlanNotEmptyError>, Error<NotEnoughRenewalLicensesError>, Error<DuplicatePlanTitleError>]
internal sealed class ProcessSubscriptionPlanRenewal
{
    public sealed record Input([ID(SubscriptionPlanRenewalType.TypeName)] Guid Id);

    public sealed record Payload(SubscriptionPlanRenewal Renewal, [Description("Licenses copied by this call (0 when already processed).")] int LicensesCopied);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, TimeProvider clock, ILicensePool pool, ILicenseCounts counts, CancellationToken cancellationToken)
    {
        var db = unit.Db<SubscriptionsDbContext>();
        // Locked: two concurrent calls take turns, and the second finds the renewal processed.
        var renewal = (await db.Renewals.FromSql($"SELECT * FROM subscriptions.subscription_plan_renewals WHERE id = {input.Id} FOR UPDATE").ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (renewal is null || !SubscriptionAccess.CanManage(actor, renewal.EnterpriseCustomerId))
        {
            return new RenewalNotFoundError(NodeId.Encode(SubscriptionPlanRenewalType.TypeName, input.Id));
        }

        var (done, error) = await RenewalProcessing.RunAsync(unit, renewal, SubscriptionAccess.ActorName(actor), clock.GetUtcNow(), pool, counts, cancellationToken);
        return error is not null ? MutationResult<Payload>.Failed([error]) : new Payload(done!.Renewal, done.LicensesCopied);
    }
}
