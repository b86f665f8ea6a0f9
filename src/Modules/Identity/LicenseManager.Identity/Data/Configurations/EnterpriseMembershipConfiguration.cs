using LicenseManager.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Identity.Data.Configurations;

internal sealed class EnterpriseMembershipConfiguration : IEntityTypeConfiguration<EnterpriseMembership>
{
    public void Configure(EntityTypeBuilder<EnterpriseMembership> builder)
    {
        builder.ToTable("enterprise_memberships", t => t.HasCheckConstraint(
            "ck_enterprise_memberships_role", $"role IN ('{IdentityRoles.EnterpriseAdmin}', '{IdentityRoles.Learner}')"));
        builder.HasKey(m => new { m.UserId, m.EnterpriseId, m.Role });
        builder.Property(m => m.Role).HasMaxLength(32);
        // "Who administers enterprise E" without scanning every membership.
        builder.HasIndex(m => m.EnterpriseId);
        builder.HasOne<User>().WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
