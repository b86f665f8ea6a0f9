using System.ComponentModel;
using LicenseManager.Catalog.Contracts;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Changes the given fields of an agreement (null leaves a field as it is). The enterprise id cannot change.")]
[Error<CustomerAgreementNotFoundError>, Error<EnterpriseIdImmutableError>, Error<InvalidSlugError>, Error<DuplicateSlugError>, Error<InvalidFieldError>, Error<CatalogNotInEnterpriseError>]
internal sealed class UpdateCustomerAgreement
{
    public sealed record Input(
        [ID(CustomerAgreementType.TypeName)] Guid Id,
        [Description("Only accepted when it is the agreement's own: the enterprise id is immutable.")] Guid? EnterpriseCustomerId,
        string? EnterpriseCustomerSlug,
        string? EnterpriseCustomerName,
        [ID("Catalog")] Guid? DefaultCatalogId,
        bool? DisableExpirationNotifications,
        bool? DisableOnboardingNotifications,
        int? LicenseDurationBeforePurge,
        bool? EnableAutoScaling,
        int? AutoScalingMaxLicenses,
        int? AutoScalingThresholdPercentage,
        int? AutoScalingIncrementPercentage);

    public sealed record Payload(CustomerAgreement CustomerAgreement);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, SubscriptionsDbContext db, ICurrentActor actor, TimeProvider clock, ICatalogDirectory catalogs, CancellationToken cancellationToken)
    {
        var agreement = await db.CustomerAgreements.SingleOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (agreement is null || !SubscriptionAccess.CanManage(actor, agreement.EnterpriseCustomerId))
        {
            return new CustomerAgreementNotFoundError(NodeId.Encode(CustomerAgreementType.TypeName, input.Id));
        }

        if (input.EnterpriseCustomerId is { } enterprise && enterprise != agreement.EnterpriseCustomerId)
        {
            return new EnterpriseIdImmutableError(agreement.EnterpriseCustomerId);
        }

        var errors = new List<MutationError>();
        AgreementRules.CheckSlug(input.EnterpriseCustomerSlug, errors);
        AgreementRules.CheckName(input.EnterpriseCustomerName, errors);
        AgreementRules.CheckPurgeDays(input.LicenseDurationBeforePurge, errors);
        AgreementRules.CheckAutoScaling(input.AutoScalingMaxLicenses, input.AutoScalingThresholdPercentage, input.AutoScalingIncrementPercentage, errors);
        if (errors.Count > 0)
        {
            return MutationResult<Payload>.Failed(errors);
        }

        if (input.DefaultCatalogId is { } catalogId && await catalogs.EnterpriseOfAsync(catalogId, cancellationToken) != agreement.EnterpriseCustomerId)
        {
            return new CatalogNotInEnterpriseError(NodeId.Encode("Catalog", catalogId));
        }

        agreement.EnterpriseCustomerSlug = input.EnterpriseCustomerSlug ?? agreement.EnterpriseCustomerSlug;
        agreement.EnterpriseCustomerName = input.EnterpriseCustomerName?.Trim() ?? agreement.EnterpriseCustomerName;
        agreement.DefaultCatalogId = input.DefaultCatalogId ?? agreement.DefaultCatalogId;
        agreement.DisableExpirationNotifications = input.DisableExpirationNotifications ?? agreement.DisableExpirationNotifications;
        agreement.DisableOnboardingNotifications = input.DisableOnboardingNotifications ?? agreement.DisableOnboardingNotifications;
        agreement.LicenseDurationBeforePurgeDays = input.LicenseDurationBeforePurge ?? agreement.LicenseDurationBeforePurgeDays;
        agreement.EnableAutoScaling = input.EnableAutoScaling ?? agreement.EnableAutoScaling;
        agreement.AutoScalingMaxLicenses = input.AutoScalingMaxLicenses ?? agreement.AutoScalingMaxLicenses;
        agreement.AutoScalingThresholdPercentage = input.AutoScalingThresholdPercentage ?? agreement.AutoScalingThresholdPercentage;
        agreement.AutoScalingIncrementPercentage = input.AutoScalingIncrementPercentage ?? agreement.AutoScalingIncrementPercentage;
        agreement.UpdatedAt = clock.GetUtcNow();
        ChangeLog.Record(db, agreement, agreement.Id, agreement.EnterpriseCustomerId, ChangeKind.Updated, SubscriptionAccess.ActorName(actor), agreement.UpdatedAt);
        return await UniqueViolations.SaveAsync(db, cancellationToken) is null
            ? new Payload(agreement)
            : new DuplicateSlugError(input.EnterpriseCustomerSlug!);
    }
}
