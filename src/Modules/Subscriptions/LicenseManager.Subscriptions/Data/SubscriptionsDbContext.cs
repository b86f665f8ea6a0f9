using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseManager.Subscriptions.Data;

internal sealed class SubscriptionsDbContext(DbContextOptions<SubscriptionsDbContext> options) : DbContext(options)
{
    public const string Schema = "subscriptions";

    public DbSet<CustomerAgreement> CustomerAgreements => Set<CustomerAgreement>();

    public DbSet<PlanType> PlanTypes => Set<PlanType>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<SubscriptionPlan> SubscriptionPlans => Set<SubscriptionPlan>();

    public DbSet<SubscriptionPlanRenewal> Renewals => Set<SubscriptionPlanRenewal>();

    public DbSet<ChangeRecord> ChangeHistory => Set<ChangeRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SubscriptionsDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a database or the Host.</summary>
internal sealed class SubscriptionsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SubscriptionsDbContext>
{
    public SubscriptionsDbContext CreateDbContext(string[] args) => new(ModuleDbContexts.DesignTimeOptions<SubscriptionsDbContext>(SubscriptionsDbContext.Schema));
}
