using LicenseManager.Platform.Gql.Persisted;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LicenseManager.Platform.Data.Platform;

/// <summary>
/// The kernel's own tables (schema <c>platform</c>): what every instance must share but no module owns.
/// Registered and migrated like a module's context; see docs/decisions/0004-platform-schema-for-persisted-operations.md.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";

    public DbSet<PersistedOperation> PersistedOperations => Set<PersistedOperation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<PersistedOperation>(operation =>
        {
            operation.ToTable("persisted_operations", table =>
                table.HasCheckConstraint("ck_persisted_operations_hash", "hash ~ '^([0-9a-f]{32}|[0-9a-f]{64})$'"));
            operation.HasKey(o => o.Id);
            operation.Property(o => o.Hash).HasMaxLength(64);
            operation.HasIndex(o => o.Hash).IsUnique();
            operation.Property(o => o.Name).HasMaxLength(PersistedOperation.MaxNameLength);
            // Keyset pages over the list sorted by registration time (the default order of the operator's list).
            operation.HasIndex(o => new { o.RegisteredAt, o.Id });
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a database or the Host.</summary>
public sealed class PlatformDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(ModuleDbContexts.DesignTimeOptions<PlatformDbContext>(PlatformDbContext.Schema));
}
