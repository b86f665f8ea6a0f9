using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Deletes an unprocessed renewal (its history stays). A processed renewal is part of the plans' chain and stays.")]
[Error<RenewalNotFoundError>, Error<RenewalAlreadyProcessedError>]
internal sealed class DeleteSubscriptionPlanRenewal
{
    public sealed record Input([ID(SubscriptionPlanRenewalType.TypeName)] Guid Id);

    public sealed record Payload([ID(SubscriptionPlanRenewalType.TypeName)] Guid DeletedRenewalId);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, SubscriptionsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var renewal = await db.Renewals.SingleOrDefaultAsync(r => r.Id == input.Id, cancellationToken);
        if (renewal is null || !SubscriptionAccess.CanManage(actor, renewal.EnterpriseCustomerId))
        {
            return new RenewalNotFoundError(NodeId.Encode(SubscriptionPlanRenewalType.TypeName, input.Id));
        }

        if (renewal.Processed)
        {
            return new RenewalAlreadyProcessedError(NodeId.Encode(SubscriptionPlanRenewalType.TypeName, renewal.Id));
        }

        db.Renewals.Remove(renewal);
        ChangeLog.Record(db, renewal, renewal.Id, renewal.EnterpriseCustomerId, ChangeKind.Deleted, SubscriptionAccess.ActorName(actor), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Payload(renewal.Id);
    }
}
