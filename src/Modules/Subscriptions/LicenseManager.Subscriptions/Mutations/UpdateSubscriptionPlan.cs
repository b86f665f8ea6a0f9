using System.ComponentModel;
using LicenseManager.Catalog.Contracts;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Changes the given fields of a plan (null leaves a field as it is). Raising numLicenses adds licenses; licenses are never removed.")]
[Error<SubscriptionPlanNotFoundError>, Error<ProductNotFoundError>, Error<InvalidPlanTitleError>, Error<DuplicatePlanTitleError>, Error<InvalidDateRangeError>]
[Error<InvalidSalesforceIdError>, Error<InvalidRevokeMaxPercentageError>, Error<InvalidNumLicensesError>, Error<NumLicensesDecreaseError>, Error<CatalogRequiredError>, Error<CatalogNotInEnterpriseError>]
internal sealed class UpdateSubscriptionPlan
{
    public sealed record Input(
        [ID(SubscriptionPlanType.TypeName)] Guid Id,
        [Description("Recorded in the plan's history.")] ChangeReason ChangeReason,
        string? Title,
        DateTimeOffset? StartDate,
        DateTimeOffset? ExpirationDate,
        bool? IsActive,
        [ID("Catalog")] Guid? CatalogId,
        [ID(ProductType.TypeName)] Guid? ProductId,
        string? SalesforceOpportunityLineItem,
        bool? IsRevocationCapEnabled,
        int? RevokeMaxPercentage,
        bool? ShouldAutoApplyLicenses,
        bool? ForInternalUseOnly,
        bool? CanFreezeUnusedLicenses,
        [Description("The new size; at least the current one.")] int? NumLicenses);

    public sealed record Payload(SubscriptionPlan SubscriptionPlan, int LicensesAdded);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, TimeProvider clock, ICatalogDirectory catalogs, ILicensePool pool, CancellationToken cancellationToken)
    {
        var db = unit.Db<SubscriptionsDbContext>();
        var plan = await PlanChecks.LockAsync(db, input.Id, cancellationToken);
        if (plan is null || !SubscriptionAccess.CanManage(actor, plan.EnterpriseCustomerId))
        {
            return new SubscriptionPlanNotFoundError(PlanChecks.PlanId(input.Id));
        }

        var productId = input.ProductId ?? plan.ProductId;
        if (await PlanChecks.ProductAsync(db, productId, cancellationToken) is not { } product)
        {
            return new ProductNotFoundError(NodeId.Encode(ProductType.TypeName, productId));
        }

        var planType = product.Type;
        var current = plan.DesiredNumLicenses ?? 0;
        var draft = new PlanDraft(
            input.Title?.Trim() ?? plan.Title,
            input.StartDate ?? plan.StartDate,
            input.ExpirationDate ?? plan.ExpirationDate,
            input.SalesforceOpportunityLineItem ?? plan.SalesforceOpportunityLineItem,
            input.RevokeMaxPercentage ?? plan.RevokeMaxPercentage,
            input.NumLicenses ?? current,
            input.ForInternalUseOnly ?? plan.ForInternalUseOnly);
        var errors = PlanRules.Check(draft, planType.SalesforceIdRequired);
        if (draft.NumLicenses < current)
        {
            errors.Add(new NumLicensesDecreaseError(current, draft.NumLicenses));
        }

        if (errors.Count == 0 && input.CatalogId is not null
            && await PlanChecks.CatalogAsync(catalogs, input.CatalogId, plan.EnterpriseCustomerId, cancellationToken) is { } catalogError)
        {
            errors.Add(catalogError);
        }

        if (errors.Count > 0)
        {
            return MutationResult<Payload>.Failed(errors);
        }

        if (input.ShouldAutoApplyLicenses == true && !plan.ShouldAutoApplyLicenses)
        {
            await PlanChecks.SwitchOffOtherAutoApplyPlansAsync(db, plan.CustomerAgreementId, plan.Id, cancellationToken);
        }

        plan.Title = draft.Title;
        plan.StartDate = draft.StartDate;
        plan.ExpirationDate = draft.ExpirationDate;
        plan.IsActive = input.IsActive ?? plan.IsActive;
        plan.CatalogId = input.CatalogId ?? plan.CatalogId;
        plan.ProductId = productId;
        plan.SalesforceOpportunityLineItem = draft.SalesforceOpportunityLineItem;
        plan.IsRevocationCapEnabled = input.IsRevocationCapEnabled ?? plan.IsRevocationCapEnabled;
        plan.RevokeMaxPercentage = draft.RevokeMaxPercentage;
        plan.ShouldAutoApplyLicenses = input.ShouldAutoApplyLicenses ?? plan.ShouldAutoApplyLicenses;
        plan.ForInternalUseOnly = draft.ForInternalUseOnly;
        plan.CanFreezeUnusedLicenses = input.CanFreezeUnusedLicenses ?? plan.CanFreezeUnusedLicenses;
        plan.DesiredNumLicenses = input.NumLicenses ?? plan.DesiredNumLicenses;
        plan.UpdatedAt = clock.GetUtcNow();
        ChangeLog.Record(db, plan, plan.Id, plan.EnterpriseCustomerId, ChangeKind.Updated, SubscriptionAccess.ActorName(actor), plan.UpdatedAt, input.ChangeReason);
        if (await UniqueViolations.SaveAsync(db, cancellationToken) is not null)
        {
            return new DuplicatePlanTitleError(plan.Title);
        }

        var added = input.NumLicenses is { } size
            ? await pool.ProvisionAsync(unit, plan.Id, plan.EnterpriseCustomerId, size, cancellationToken)
            : 0;
        return new Payload(plan, added);
    }
}
