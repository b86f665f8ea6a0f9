using System.ComponentModel;
using LicenseManager.Catalog.Contracts;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Creates the enterprise's customer agreement; idempotent on the enterprise id (a second call returns the first agreement unchanged).")]
[Error<InvalidSlugError>, Error<DuplicateSlugError>, Error<InvalidFieldError>, Error<CatalogNotInEnterpriseError>]
internal sealed class CreateCustomerAgreement
{
    public sealed record Input(
        Guid EnterpriseCustomerId,
        string? EnterpriseCustomerSlug,
        string? EnterpriseCustomerName,
        [ID("Catalog")] Guid? DefaultCatalogId,
        bool? DisableExpirationNotifications,
        bool? DisableOnboardingNotifications,
        [Description("Retention window in days (default 90).")] int? LicenseDurationBeforePurge,
        bool? EnableAutoScaling,
        int? AutoScalingMaxLicenses,
        int? AutoScalingThresholdPercentage,
        int? AutoScalingIncrementPercentage);

    public sealed record Payload(CustomerAgreement CustomerAgreement, [Description("False when the agreement already existed.")] bool Created);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, SubscriptionsDbContext db, ICurrentActor actor, TimeProvider clock, ICatalogDirectory catalogs, CancellationToken cancellationToken)
    {
        if (!SubscriptionAccess.CanManage(actor, input.EnterpriseCustomerId))
        {
            throw AuthErrors.NotAuthorized();
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

        var existing = await db.CustomerAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.EnterpriseCustomerId == input.EnterpriseCustomerId, cancellationToken);
        if (existing is not null)
        {
            return new Payload(existing, Created: false);
        }

        if (input.DefaultCatalogId is { } catalogId && await catalogs.EnterpriseOfAsync(catalogId, cancellationToken) != input.EnterpriseCustomerId)
        {
            return new CatalogNotInEnterpriseError(NodeId.Encode("Catalog", catalogId));
        }

        var now = clock.GetUtcNow();
        var agreement = new CustomerAgreement
        {
            EnterpriseCustomerId = input.EnterpriseCustomerId,
            EnterpriseCustomerSlug = input.EnterpriseCustomerSlug,
            EnterpriseCustomerName = input.EnterpriseCustomerName?.Trim(),
            DefaultCatalogId = input.DefaultCatalogId,
            DisableExpirationNotifications = input.DisableExpirationNotifications ?? false,
            DisableOnboardingNotifications = input.DisableOnboardingNotifications ?? false,
            LicenseDurationBeforePurgeDays = input.LicenseDurationBeforePurge ?? CustomerAgreement.DefaultDaysBeforePurge,
            EnableAutoScaling = input.EnableAutoScaling ?? false,
            AutoScalingMaxLicenses = input.AutoScalingMaxLicenses,
            AutoScalingThresholdPercentage = input.AutoScalingThresholdPercentage,
            AutoScalingIncrementPercentage = input.AutoScalingIncrementPercentage,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CustomerAgreements.Add(agreement);
        ChangeLog.Record(db, agreement, agreement.Id, agreement.EnterpriseCustomerId, ChangeKind.Created, SubscriptionAccess.ActorName(actor), now);
        switch (await UniqueViolations.SaveAsync(db, cancellationToken))
        {
            case null:
                return new Payload(agreement, Created: true);
            case var index when index.Contains("slug", StringComparison.Ordinal):
                return new DuplicateSlugError(input.EnterpriseCustomerSlug!);
            default:
                // A concurrent create won the race. EF rolled back to its savepoint, so the transaction can still read the winner.
                db.ChangeTracker.Clear();
                return new Payload(await db.CustomerAgreements.AsNoTracking().SingleAsync(a => a.EnterpriseCustomerId == input.EnterpriseCustomerId, cancellationToken), Created: false);
        }
    }
}
