using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Catalog.Data;

internal sealed class EnterpriseCatalogConfiguration : IEntityTypeConfiguration<EnterpriseCatalog>
{
    public void Configure(EntityTypeBuilder<EnterpriseCatalog> builder)
    {
        builder.ToTable("catalogs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(EnterpriseCatalog.MaxTitleLength);
        // Titles are unique per enterprise; the index also serves "an enterprise's catalogs by title".
        builder.HasIndex(c => new { c.EnterpriseCustomerId, c.Title }).IsUnique();
        // Keyset paging over all catalogs ordered by title.
        builder.HasIndex(c => new { c.Title, c.Id });
    }
}
