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

[Description("Schedules a plan's renewal. Idempotent on (priorPlanId, renewedPlanId): the same pair returns the existing renewal.")]
[Error<SubscriptionPlanNotFoundError>, Error<InvalidRenewalPlansError>, Error<RenewalConflictError>, Error<InvalidFieldError>, Error<InvalidDateRangeError>, Error<InvalidPlanTitleError>, Error<InvalidSalesforceIdError>]
internal sealed class CreateSubscriptionPlanRenewal
{
    public sealed record Input(
        [ID(SubscriptionPlanType.TypeName)] Guid PriorPlanId,
        [ID(SubscriptionPlanType.TypeName), Description("An existing future plan; without it processing creates one.")] Guid? RenewedPlanId,
        int NumberOfLicenses,
        [Description("The future plan's start; on or after the prior plan's start.")] DateTimeOffset EffectiveDate,
        DateTimeOffset RenewedExpirationDate,
        [Description("Default: \"{prior title} - Renewal {year}\".")] string? RenewedPlanTitle,
        string? SalesforceOpportunityId,
        [Description("Default ASSIGNED_AND_ACTIVATED.")] LicenseTypesToCopy? LicenseTypesToCopy,
        bool? DisableAutoApplyLicenses,
        bool? ExemptFromBatchProcessing);

    public sealed record Payload(SubscriptionPlanRenewal Renewal, [Description("False when the same renewal already existed.")] bool Created);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, SubscriptionsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = new[] { input.PriorPlanId, input.RenewedPlanId ?? input.PriorPlanId };
        var plans = await db.SubscriptionPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (!plans.TryGetValue(input.PriorPlanId, out var prior) || !SubscriptionAccess.CanManage(actor, prior.EnterpriseCustomerId))
        {
            return new SubscriptionPlanNotFoundError(PlanChecks.PlanId(input.PriorPlanId));
        }

        if (input.RenewedPlanId is { } renewedId)
        {
            if (!plans.TryGetValue(renewedId, out var renewed) || !SubscriptionAccess.CanManage(actor, renewed.EnterpriseCustomerId))
            {
                return new SubscriptionPlanNotFoundError(PlanChecks.PlanId(renewedId));
            }

            if (renewedId == prior.Id || renewed.CustomerAgreementId != prior.CustomerAgreementId)
            {
                return new InvalidRenewalPlansError("The renewed plan must be another plan of the same customer agreement.");
            }
        }

        if (await ExistingAsync(db, input, cancellationToken) is { } existing)
        {
            return existing;
        }

        var draft = new RenewalDraft(input.NumberOfLicenses, input.EffectiveDate, input.RenewedExpirationDate, input.RenewedPlanTitle?.Trim(), input.SalesforceOpportunityId);
        if (RenewalRules.Check(draft, prior.StartDate, prior.ForInternalUseOnly) is { Count: > 0 } errors)
        {
            return MutationResult<Payload>.Failed(errors);
        }

        var now = clock.GetUtcNow();
        var renewal = new SubscriptionPlanRenewal
        {
            EnterpriseCustomerId = prior.EnterpriseCustomerId,
            PriorPlanId = prior.Id,
            RenewedPlanId = input.RenewedPlanId,
            NumberOfLicenses = draft.NumberOfLicenses,
            EffectiveDate = draft.EffectiveDate,
            RenewedExpirationDate = draft.RenewedExpirationDate,
            RenewedPlanTitle = draft.RenewedPlanTitle,
            SalesforceOpportunityId = draft.SalesforceOpportunityId,
            LicenseTypesToCopy = input.LicenseTypesToCopy ?? LicenseTypesToCopy.AssignedAndActivated,
            DisableAutoApplyLicenses = input.DisableAutoApplyLicenses ?? false,
            ExemptFromBatchProcessing = input.ExemptFromBatchProcessing ?? false,
            CreatedAt = now,
        };
        db.Renewals.Add(renewal);
        ChangeLog.Record(db, renewal, renewal.Id, renewal.EnterpriseCustomerId, ChangeKind.Created, SubscriptionAccess.ActorName(actor), now);
        if (await UniqueViolations.SaveAsync(db, cancellationToken) is null)
        {
            return new Payload(renewal, Created: true);
        }

        // A concurrent create took one of the plans first: answer as if it had come first.
        db.ChangeTracker.Clear();
        return await ExistingAsync(db, input, cancellationToken) ?? throw new InvalidOperationException("A renewal's unique index refused a row no other renewal holds.");
    }

    /// <summary>The same pair: that renewal. A renewal holding only one of the two plans: a conflict.</summary>
    private static async Task<MutationResult<Payload>?> ExistingAsync(SubscriptionsDbContext db, Input input, CancellationToken cancellationToken)
    {
        var existing = await db.Renewals.AsNoTracking()
            .Where(r => r.PriorPlanId == input.PriorPlanId || (input.RenewedPlanId != null && r.RenewedPlanId == input.RenewedPlanId))
            .ToListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            return null;
        }

        return existing is [var same] && same.PriorPlanId == input.PriorPlanId && same.RenewedPlanId == input.RenewedPlanId
            ? new Payload(same, Created: false)
            : new RenewalConflictError(NodeId.Encode(SubscriptionPlanRenewalType.TypeName, existing[0].Id));
    }
}
