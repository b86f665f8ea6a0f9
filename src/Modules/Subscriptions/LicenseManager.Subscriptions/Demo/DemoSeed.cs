using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions.Demo;

/// <summary>
/// The demo enterprise's agreement (slug <c>demo</c>) and a current plan of 100 licenses, in one unit of work with
/// the licenses. Idempotent: what exists is left as it is.
/// </summary>
internal static class DemoSeed
{
    public const string Actor = "seed-demo";

    public static async Task<string?> SeedAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken)
    {
        await using var unit = await services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(cancellationToken);
        var db = unit.Db<SubscriptionsDbContext>();
        if (onlyIntoEmptyDatabase && await db.CustomerAgreements.AnyAsync(cancellationToken))
        {
            return null;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var enterprise = DemoAccounts.EnterpriseId;
        var agreement = await db.CustomerAgreements.SingleOrDefaultAsync(a => a.EnterpriseCustomerId == enterprise, cancellationToken);
        if (agreement is null)
        {
            agreement = new CustomerAgreement
            {
                EnterpriseCustomerId = enterprise,
                EnterpriseCustomerSlug = "demo",
                EnterpriseCustomerName = "Demo Enterprise",
                DefaultCatalogId = DemoSubscriptions.CatalogId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.CustomerAgreements.Add(agreement);
            ChangeLog.Record(db, agreement, agreement.Id, enterprise, ChangeKind.Created, Actor, now);
        }

        var product = await db.Products.SingleOrDefaultAsync(p => p.Name == "Demo product", cancellationToken);
        if (product is null)
        {
            product = new Product { Name = "Demo product", Description = "What the demo enterprise bought.", PlanTypeId = PlanType.TestId, CreatedAt = now };
            db.Products.Add(product);
        }

        var created = false;
        if (!await db.SubscriptionPlans.AnyAsync(p => p.Id == DemoSubscriptions.PlanId, cancellationToken))
        {
            var plan = new SubscriptionPlan
            {
                Id = DemoSubscriptions.PlanId,
                CustomerAgreementId = agreement.Id,
                EnterpriseCustomerId = enterprise,
                Title = "Demo plan",
                StartDate = now.AddDays(-1),
                ExpirationDate = now.AddYears(1),
                IsActive = true,
                CatalogId = agreement.DefaultCatalogId ?? DemoSubscriptions.CatalogId,
                ProductId = product.Id,
                DesiredNumLicenses = DemoSubscriptions.PlanLicenses,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.SubscriptionPlans.Add(plan);
            ChangeLog.Record(db, plan, plan.Id, enterprise, ChangeKind.Created, Actor, now, ChangeReason.New);
            created = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<ILicensePool>().ProvisionAsync(unit, DemoSubscriptions.PlanId, enterprise, DemoSubscriptions.PlanLicenses, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return created
            ? $"Demo subscriptions: agreement 'demo' for {enterprise}, plan 'Demo plan' ({DemoSubscriptions.PlanId}) of {DemoSubscriptions.PlanLicenses} licenses."
            : null;
    }
}
