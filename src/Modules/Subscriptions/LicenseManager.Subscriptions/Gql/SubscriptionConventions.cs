using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>What clients may filter and sort agreements and plans on (each backed by an index or a small table).</summary>
internal static class SubscriptionConventions
{
    public static readonly EntityConventions<CustomerAgreement> Agreements = new EntityConventions<CustomerAgreement>("CustomerAgreement", a => a.Id)
        .Filter("enterpriseCustomerId", a => a.EnterpriseCustomerId)
        .Filter("enterpriseCustomerSlug", a => a.EnterpriseCustomerSlug)
        .FilterAndSort("createdAt", a => a.CreatedAt);

    public static readonly EntityConventions<SubscriptionPlan> Plans = new EntityConventions<SubscriptionPlan>("SubscriptionPlan", p => p.Id)
        .Filter("enterpriseCustomerId", p => p.EnterpriseCustomerId)
        .FilterAndSort("title", p => p.Title)
        .Filter("isActive", p => p.IsActive)
        .Filter("shouldAutoApplyLicenses", p => p.ShouldAutoApplyLicenses)
        .Filter("forInternalUseOnly", p => p.ForInternalUseOnly)
        .FilterAndSort("startDate", p => p.StartDate)
        .FilterAndSort("expirationDate", p => p.ExpirationDate)
        .FilterAndSort("createdAt", p => p.CreatedAt);
}
