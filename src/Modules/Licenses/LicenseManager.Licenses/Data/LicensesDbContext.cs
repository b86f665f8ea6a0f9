using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseManager.Licenses.Data;

internal sealed class LicensesDbContext(DbContextOptions<LicensesDbContext> options) : DbContext(options)
{
    public const string Schema = "licenses";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasTrigramSearch();
        modelBuilder.HasSequence<long>(PlanLicenseCountsConfiguration.Versions);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LicensesDbContext).Assembly);
    }

    public DbSet<License> Licenses => Set<License>();

    public DbSet<LicenseEvent> Events => Set<LicenseEvent>();

    public DbSet<PlanLicenseCounts> PlanCounts => Set<PlanLicenseCounts>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a database or the Host.</summary>
internal sealed class LicensesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<LicensesDbContext>
{
    public LicensesDbContext CreateDbContext(string[] args) => new(ModuleDbContexts.DesignTimeOptions<LicensesDbContext>(LicensesDbContext.Schema));
}
