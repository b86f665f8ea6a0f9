using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>The contracts other modules build on: the enterprise directory and plan terms.</summary>
public sealed class ContractTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EnterpriseDirectory_ExistsOnlyWithAgreement()
    {
        var enterprise = Guid.NewGuid();
        var directory = factory.Services.GetRequiredService<IEnterpriseDirectory>();
        (await directory.ExistsAsync(enterprise, CancellationToken.None)).ShouldBeFalse();

        await SeedAsync(enterprise);

        (await directory.ExistsAsync(enterprise, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task PlanTerms_ReturnsTermsWithUnprocessedRenewalAndAgreementSwitches()
    {
        var enterprise = Guid.NewGuid();
        var (plan, catalog, effective) = await SeedAsync(enterprise);
        var terms = factory.Services.GetRequiredService<IPlanTerms>();

        var many = await terms.GetManyAsync([plan, plan, Guid.NewGuid()], CancellationToken.None);

        many.Count.ShouldBe(1);
        var t = many[plan];
        t.EnterpriseCustomerId.ShouldBe(enterprise);
        t.CatalogId.ShouldBe(catalog);
        t.RenewalEffectiveDate.ShouldBe(effective);
        t.DisableOnboardingNotifications.ShouldBeTrue();
        t.RevokeMaxPercentage.ShouldBe(5);
        (await terms.ForEnterpriseAsync(enterprise, CancellationToken.None)).Select(p => p.PlanId).ShouldBe([plan]);
        (await terms.ForEnterpriseAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<(Guid Plan, Guid Catalog, DateTimeOffset Effective)> SeedAsync(Guid enterprise)
    {
        var db = await factory.Services.GetRequiredService<IDbContextFactory<SubscriptionsDbContext>>().CreateDbContextAsync();
        await using var _ = db;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var agreement = new CustomerAgreement { EnterpriseCustomerId = enterprise, DisableOnboardingNotifications = true };
        var product = new Product { Name = $"Product {Guid.NewGuid():N}", PlanTypeId = PlanType.TestId };
        var catalog = Guid.NewGuid();
        var plan = new SubscriptionPlan
        {
            CustomerAgreementId = agreement.Id, EnterpriseCustomerId = enterprise, Title = "Plan", StartDate = start,
            ExpirationDate = start.AddYears(1), CatalogId = catalog, ProductId = product.Id, IsActive = true,
        };
        var renewal = new SubscriptionPlanRenewal
        {
            EnterpriseCustomerId = enterprise, PriorPlanId = plan.Id, NumberOfLicenses = 1,
            EffectiveDate = start.AddYears(1), RenewedExpirationDate = start.AddYears(2),
        };
        db.AddRange(agreement, product);
        await db.SaveChangesAsync();
        db.Add(plan);
        await db.SaveChangesAsync();
        db.Add(renewal);
        await db.SaveChangesAsync();
        return (plan.Id, catalog, renewal.EffectiveDate);
    }
}
