using System.ComponentModel;
using LicenseManager.Catalog.Contracts;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Creates a plan and its numLicenses UNASSIGNED licenses in one transaction (binary COPY): both commit or neither.")]
[Error<EnterpriseWithoutAgreementError>, Error<ProductNotFoundError>, Error<InvalidPlanTitleError>, Error<DuplicatePlanTitleError>, Error<InvalidDateRangeError>]
[Error<InvalidSalesforceIdError>, Error<InvalidRevokeMaxPercentageError>, Error<InvalidNumLicensesError>, Error<CatalogRequiredError>, Error<CatalogNotInEnterpriseError>]
internal sealed class CreateSubscriptionPlan
{
    public sealed record Input(
        Guid EnterpriseCustomerId,
        string Title,
        DateTimeOffset StartDate,
        DateTimeOffset ExpirationDate,
        [ID(ProductType.TypeName)] Guid ProductId,
        [Description("Licenses to create: 0 to 1,000,000 (internal plans may exceed it).")] int NumLicenses,
        [Description("Recorded in the plan's history.")] ChangeReason ChangeReason,
        [Description("18 characters starting with 00k; required when the product's plan type says so.")] string? SalesforceOpportunityLineItem,
        [ID("Catalog"), Description("Defaults to the agreement's default catalog.")] Guid? CatalogId,
        bool? IsActive,
        bool? IsRevocationCapEnabled,
        [Description("0–100, default 5.")] int? RevokeMaxPercentage,
        [Description("Switches the agreement's other plans off auto-apply.")] bool? ShouldAutoApplyLicenses,
        bool? ForInternalUseOnly,
        bool? CanFreezeUnusedLicenses);

    public sealed record Payload(SubscriptionPlan SubscriptionPlan, int LicensesAdded);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, UnitOfWork unit, ICurrentActor actor, TimeProvider clock, ICatalogDirectory catalogs, ILicensePool pool, CancellationToken cancellationToken)
    {
        var db = unit.Db<SubscriptionsDbContext>();
        var agreement = SubscriptionAccess.CanManage(actor, input.EnterpriseCustomerId)
            ? await db.CustomerAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.EnterpriseCustomerId == input.EnterpriseCustomerId, cancellationToken)
            : null;
        if (agreement is null)
        {
            return new EnterpriseWithoutAgreementError(input.EnterpriseCustomerId);
        }

        if (await PlanChecks.ProductAsync(db, input.ProductId, cancellationToken) is not { } product)
        {
            return new ProductNotFoundError(NodeId.Encode(ProductType.TypeName, input.ProductId));
        }

        var planType = product.Type;
        var title = input.Title.Trim();
        var internalOnly = input.ForInternalUseOnly ?? false;
        var draft = new PlanDraft(title, input.StartDate, input.ExpirationDate, input.SalesforceOpportunityLineItem,
            input.RevokeMaxPercentage ?? SubscriptionPlan.DefaultRevokeMaxPercentage, input.NumLicenses, internalOnly);
        var errors = PlanRules.Check(draft, planType.SalesforceIdRequired);
        var catalogId = input.CatalogId ?? agreement.DefaultCatalogId;
        if (errors.Count == 0 && await PlanChecks.CatalogAsync(catalogs, catalogId, agreement.EnterpriseCustomerId, cancellationToken) is { } catalogError)
        {
            errors.Add(catalogError);
        }

        if (errors.Count > 0)
        {
            return MutationResult<Payload>.Failed(errors);
        }

        var now = clock.GetUtcNow();
        var plan = new SubscriptionPlan
        {
            CustomerAgreementId = agreement.Id,
            EnterpriseCustomerId = agreement.EnterpriseCustomerId,
            Title = title,
            StartDate = input.StartDate,
            ExpirationDate = input.ExpirationDate,
            IsActive = input.IsActive ?? false,
            CatalogId = catalogId!.Value,
            ProductId = input.ProductId,
            SalesforceOpportunityLineItem = input.SalesforceOpportunityLineItem,
            IsRevocationCapEnabled = input.IsRevocationCapEnabled ?? false,
            RevokeMaxPercentage = draft.RevokeMaxPercentage,
            ShouldAutoApplyLicenses = input.ShouldAutoApplyLicenses ?? false,
            ForInternalUseOnly = internalOnly,
            CanFreezeUnusedLicenses = input.CanFreezeUnusedLicenses ?? false,
            DesiredNumLicenses = input.NumLicenses,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (plan.ShouldAutoApplyLicenses)
        {
            await PlanChecks.SwitchOffOtherAutoApplyPlansAsync(db, agreement.Id, plan.Id, cancellationToken);
        }

        db.SubscriptionPlans.Add(plan);
        ChangeLog.Record(db, plan, plan.Id, plan.EnterpriseCustomerId, ChangeKind.Created, SubscriptionAccess.ActorName(actor), now, input.ChangeReason);
        if (await UniqueViolations.SaveAsync(db, cancellationToken) is not null)
        {
            return new DuplicatePlanTitleError(title);
        }

        // Same connection and transaction: if provisioning fails, the plan row goes too.
        var added = await pool.ProvisionAsync(unit, plan.Id, plan.EnterpriseCustomerId, input.NumLicenses, cancellationToken);
        return new Payload(plan, added);
    }
}
