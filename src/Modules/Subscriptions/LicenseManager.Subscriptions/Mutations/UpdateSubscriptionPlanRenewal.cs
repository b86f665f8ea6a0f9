using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Changes the given fields of an unprocessed renewal (null leaves a field as it is).")]
[Error<RenewalNotFoundError>, Error<RenewalAlreadyProcessedError>, Error<InvalidFieldError>, Error<InvalidDateRangeError>, Error<InvalidPlanTitleError>, Error<InvalidSalesforceIdError>]
internal sealed class UpdateSubscriptionPlanRenewal
{
    public sealed record Input(
        [ID(SubscriptionPlanRenewalType.TypeName)] Guid Id,
        int? NumberOfLicenses,
        DateTimeOffset? EffectiveDate,
        DateTimeOffset? RenewedExpirationDate,
        string? RenewedPlanTitle,
        string? SalesforceOpportunityId,
        LicenseTypesToCopy? LicenseTypesToCopy,
        bool? DisableAutoApplyLicenses,
        bool? ExemptFromBatchProcessing);

    public sealed record Payload(SubscriptionPlanRenewal Renewal);

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

        var prior = await db.SubscriptionPlans.AsNoTracking().SingleAsync(p => p.Id == renewal.PriorPlanId, cancellationToken);
        var draft = new RenewalDraft(
            input.NumberOfLicenses ?? renewal.NumberOfLicenses,
            input.EffectiveDate ?? renewal.EffectiveDate,
            input.RenewedExpirationDate ?? renewal.RenewedExpirationDate,
            input.RenewedPlanTitle?.Trim() ?? renewal.RenewedPlanTitle,
            input.SalesforceOpportunityId ?? renewal.SalesforceOpportunityId);
        if (RenewalRules.Check(draft, prior.StartDate, prior.ForInternalUseOnly) is { Count: > 0 } errors)
        {
            return MutationResult<Payload>.Failed(errors);
        }

        renewal.NumberOfLicenses = draft.NumberOfLicenses;
        renewal.EffectiveDate = draft.EffectiveDate;
        renewal.RenewedExpirationDate = draft.RenewedExpirationDate;
        renewal.RenewedPlanTitle = draft.RenewedPlanTitle;
        renewal.SalesforceOpportunityId = draft.SalesforceOpportunityId;
        renewal.LicenseTypesToCopy = input.LicenseTypesToCopy ?? renewal.LicenseTypesToCopy;
        renewal.DisableAutoApplyLicenses = input.DisableAutoApplyLicenses ?? renewal.DisableAutoApplyLicenses;
        renewal.ExemptFromBatchProcessing = input.ExemptFromBatchProcessing ?? renewal.ExemptFromBatchProcessing;
        ChangeLog.Record(db, renewal, renewal.Id, renewal.EnterpriseCustomerId, ChangeKind.Updated, SubscriptionAccess.ActorName(actor), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Payload(renewal);
    }
}
