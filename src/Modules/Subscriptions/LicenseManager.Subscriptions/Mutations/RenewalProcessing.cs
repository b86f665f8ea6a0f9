using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

/// <summary>
/// Processes one renewal inside the caller's unit of work (manual now; the scheduled job reuses it): the future
/// plan is created (or checked), licenses are copied by type through the Licenses contract, auto-apply moves,
/// the renewal is marked processed. Any failure returns an error and the caller rolls everything back.
/// Processing an already processed renewal changes nothing.
/// </summary>
internal static class RenewalProcessing
{
    public sealed record Outcome(SubscriptionPlanRenewal Renewal, int LicensesCopied);

    public static async Task<(Outcome? Done, MutationError? Error)> RunAsync(
        UnitOfWork unit, SubscriptionPlanRenewal renewal, string actor, DateTimeOffset now, ILicensePool pool, ILicenseCounts counts, CancellationToken cancellationToken)
    {
        if (renewal.Processed)
        {
            return (new Outcome(renewal, 0), null);
        }

        var db = unit.Db<SubscriptionsDbContext>();
        var prior = await PlanChecks.LockAsync(db, renewal.PriorPlanId, cancellationToken)
            ?? throw new InvalidOperationException("A renewal's prior plan is missing (the foreign key cascades).");
        SubscriptionPlan renewed;
        if (renewal.RenewedPlanId is { } renewedId)
        {
            renewed = (await PlanChecks.LockAsync(db, renewedId, cancellationToken))!;
            // An existing future plan may only hold spare licenses, no more than the renewal's size.
            var existing = (await counts.GetManyAsync([renewedId], cancellationToken)).GetValueOrDefault(renewedId);
            if (existing is not null && (existing.Assigned + existing.Activated + existing.Revoked > 0 || existing.Unassigned > renewal.NumberOfLicenses))
            {
                return (null, new RenewedPlanNotEmptyError(PlanChecks.PlanId(renewedId)));
            }
        }
        else
        {
            renewed = FuturePlan(prior, renewal, now);
            db.SubscriptionPlans.Add(renewed);
            ChangeLog.Record(db, renewed, renewed.Id, renewed.EnterpriseCustomerId, ChangeKind.Created, actor, now, ChangeReason.New);
            if (await UniqueViolations.SaveAsync(db, cancellationToken) is not null)
            {
                return (null, new DuplicatePlanTitleError(renewed.Title));
            }

            renewal.RenewedPlanId = renewed.Id;
        }

        var copy = await pool.CopyToRenewedPlanAsync(
            unit, prior.Id, renewed.Id, prior.EnterpriseCustomerId, renewal.LicenseTypesToCopy, renewal.NumberOfLicenses, cancellationToken);
        if (!copy.Fits)
        {
            return (null, new NotEnoughRenewalLicensesError(renewal.NumberOfLicenses, copy.ToCopy));
        }

        renewed.DesiredNumLicenses = Math.Max(renewed.DesiredNumLicenses ?? 0, renewal.NumberOfLicenses);
        renewed.UpdatedAt = now;
        if (prior.ShouldAutoApplyLicenses)
        {
            // Off on the prior plan first: one auto-apply plan per agreement is a unique index, checked per statement.
            prior.ShouldAutoApplyLicenses = false;
            prior.UpdatedAt = now;
            ChangeLog.Record(db, prior, prior.Id, prior.EnterpriseCustomerId, ChangeKind.Updated, actor, now, ChangeReason.Other);
            await db.SaveChangesAsync(cancellationToken);
            renewed.ShouldAutoApplyLicenses = !renewal.DisableAutoApplyLicenses;
        }

        renewal.Processed = true;
        renewal.ProcessedAt = now;
        ChangeLog.Record(db, renewed, renewed.Id, renewed.EnterpriseCustomerId, ChangeKind.Updated, actor, now, ChangeReason.Other);
        ChangeLog.Record(db, renewal, renewal.Id, renewal.EnterpriseCustomerId, ChangeKind.Processed, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return (new Outcome(renewal, copy.Copied), null);
    }

    /// <summary>The future plan copies the prior plan's catalog, product, cap settings and internal flag.</summary>
    public static SubscriptionPlan FuturePlan(SubscriptionPlan prior, SubscriptionPlanRenewal renewal, DateTimeOffset now) => new()
    {
        CustomerAgreementId = prior.CustomerAgreementId,
        EnterpriseCustomerId = prior.EnterpriseCustomerId,
        Title = renewal.RenewedPlanTitle ?? PlanRules.RenewedTitle(prior.Title, renewal.EffectiveDate),
        StartDate = renewal.EffectiveDate,
        ExpirationDate = renewal.RenewedExpirationDate,
        IsActive = prior.IsActive,
        CatalogId = prior.CatalogId,
        ProductId = prior.ProductId,
        SalesforceOpportunityLineItem = renewal.SalesforceOpportunityId,
        IsRevocationCapEnabled = prior.IsRevocationCapEnabled,
        RevokeMaxPercentage = prior.RevokeMaxPercentage,
        ForInternalUseOnly = prior.ForInternalUseOnly,
        CanFreezeUnusedLicenses = prior.CanFreezeUnusedLicenses,
        DesiredNumLicenses = renewal.NumberOfLicenses,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
