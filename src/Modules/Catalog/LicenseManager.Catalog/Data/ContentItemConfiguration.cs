using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Catalog.Data;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("content_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ContentKey).HasMaxLength(ContentItem.MaxContentKeyLength);
        builder.Property(i => i.Title).HasMaxLength(ContentItem.MaxTitleLength);
        builder.Property(i => i.ContentType).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<EnterpriseCatalog>().WithMany().HasForeignKey(i => i.CatalogId).OnDelete(DeleteBehavior.Cascade);
        // The upsert's conflict target and the membership query (catalog_id = @c AND content_key = ANY(@keys)).
        builder.HasIndex(i => new { i.CatalogId, i.ContentKey }).IsUnique();
        // A catalog's items in id order (the default) and by title.
        builder.HasIndex(i => new { i.CatalogId, i.Id });
        builder.HasIndex(i => new { i.CatalogId, i.Title, i.Id });
    }
}
