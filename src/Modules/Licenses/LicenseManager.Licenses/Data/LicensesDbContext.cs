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
        // Entity configurations are added with the module's first tables:
        // modelBuilder.ApplyConfigurationsFromAssembly(typeof(LicensesDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a database or the Host.</summary>
internal sealed class LicensesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<LicensesDbContext>
{
    public LicensesDbContext CreateDbContext(string[] args) => new(ModuleDbContexts.DesignTimeOptions<LicensesDbContext>(LicensesDbContext.Schema));
}
