using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Licenses.Data;

/// <summary>
/// Indexes follow the API: every list is one plan's (<c>plan_id</c> leads) in one of the offered orders, with the
/// id as the tie-breaker; the learner finds licenses by user id or by email. Expression and partial indexes
/// (lower(email) uniqueness, trigram search) are written in the migration.
/// </summary>
internal sealed class LicenseConfiguration : IEntityTypeConfiguration<License>
{
    public void Configure(EntityTypeBuilder<License> builder)
    {
        builder.ToTable("licenses", t => t.HasCheckConstraint("ck_licenses_status", "status BETWEEN 0 AND 3"));
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.SubscriptionPlanId).HasColumnName("plan_id");
        builder.Property(l => l.UserEmail).HasMaxLength(320);
        // Renewal copies keep the key (emailed links keep working), so uniqueness is over un-renewed licenses (migration);
        // activation finds the key among the caller's licenses by email, so no second activation-key index is kept.
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.Status, l.Id });
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.UserEmail, l.Id });
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.AssignedAt, l.Id });
        // Lists filtered by status and sorted by assignment date (the admin's usual view): the NULL dates of
        // unassigned rows would otherwise be read and discarded at the head of every DESC page.
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.Status, l.AssignedAt, l.Id });
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.ActivatedAt, l.Id });
        builder.HasIndex(l => new { l.SubscriptionPlanId, l.LastRemindedAt, l.Id });
        builder.HasIndex(l => l.UserId).HasFilter("user_id IS NOT NULL");
        builder.HasIndex(l => l.UserEmail).HasFilter("user_email IS NOT NULL");
        // contains/startsWith on emails (ILIKE); partial, so unassigned rows (no email) cost nothing at COPY time.
        builder.HasIndex(l => l.UserEmail, "ix_licenses_user_email_trgm").UsesTrigrams().HasFilter("user_email IS NOT NULL");
        builder.HasIndex(l => l.RenewedFromId).IsUnique().HasFilter("renewed_from_id IS NOT NULL");
    }
}

internal sealed class LicenseEventConfiguration : IEntityTypeConfiguration<LicenseEvent>
{
    public void Configure(EntityTypeBuilder<LicenseEvent> builder)
    {
        builder.ToTable("license_events");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.SubscriptionPlanId).HasColumnName("plan_id");
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.HasIndex(e => new { e.LicenseId, e.Id });
    }
}

internal sealed class PlanLicenseCountsConfiguration : IEntityTypeConfiguration<PlanLicenseCounts>
{
    public void Configure(EntityTypeBuilder<PlanLicenseCounts> builder)
    {
        builder.ToTable("plan_license_counts");
        builder.HasKey(c => c.SubscriptionPlanId);
        builder.Property(c => c.SubscriptionPlanId).HasColumnName("plan_id");

        // Defaulted in the database: the counter triggers and LockCountersAsync insert rows without naming it.
        builder.Property(c => c.UtilizationNotified).HasDefaultValue(0);
        builder.ToTable(t => t.HasCheckConstraint("ck_plan_license_counts_utilization_notified", "utilization_notified IN (0, 75, 100)"));
        builder.Property(c => c.Version).HasDefaultValueSql($"nextval('{LicensesDbContext.Schema}.{Versions}')");
    }

    /// <summary>The sequence of <see cref="PlanLicenseCounts.Version"/> stamps (declared in <see cref="LicensesDbContext"/>).</summary>
    public const string Versions = "license_count_versions";
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.SubscriptionPlanId).HasColumnName("plan_id");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_unsent");
    }
}
