using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Platform.Data;

/// <summary>
/// <c>pg_trgm</c> (ships with PostgreSQL) for case-insensitive <c>contains</c>/<c>startsWith</c> filters
/// (<c>EntityConventions.IgnoreCase</c>, translated to <c>ILIKE</c>). In a module's <c>OnModelCreating</c>:
/// <c>modelBuilder.HasTrigramSearch()</c> and <c>entity.HasIndex(e =&gt; e.Email).UsesTrigrams()</c>; the next
/// migration then holds <c>CREATE EXTENSION IF NOT EXISTS pg_trgm</c> (in <c>public</c>, shared by every
/// module that asks for it) and the GIN index.
/// </summary>
public static class TrigramSearch
{
    public const string Extension = "pg_trgm";

    public static ModelBuilder HasTrigramSearch(this ModelBuilder modelBuilder) => modelBuilder.HasPostgresExtension(Extension);

    /// <summary>A GIN trigram index: serves <c>ILIKE '%text%'</c>, <c>'text%'</c> and <c>'%text'</c> (3+ characters).</summary>
    public static IndexBuilder<T> UsesTrigrams<T>(this IndexBuilder<T> index) => index.HasMethod("gin").HasOperators("gin_trgm_ops");
}
