using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseManager.Subscriptions.Data;

internal sealed class CustomerAgreementConfiguration : IEntityTypeConfiguration<CustomerAgreement>
{
    public void Configure(EntityTypeBuilder<CustomerAgreement> builder)
    {
        builder.ToTable("customer_agreements", t =>
        {
            t.HasCheckConstraint("ck_customer_agreements_purge_days", "license_duration_before_purge_days >= 0");
            t.HasCheckConstraint("ck_customer_agreements_auto_scaling_threshold", "auto_scaling_threshold_percentage BETWEEN 1 AND 100");
            t.HasCheckConstraint("ck_customer_agreements_auto_scaling_increment", "auto_scaling_increment_percentage BETWEEN 1 AND 100");
            t.HasCheckConstraint("ck_customer_agreements_auto_scaling_max", "auto_scaling_max_licenses >= 0");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EnterpriseCustomerSlug).HasMaxLength(CustomerAgreement.MaxSlugLength);
        builder.Property(a => a.EnterpriseCustomerName).HasMaxLength(CustomerAgreement.MaxNameLength);
        // One agreement per enterprise: the idempotent create's conflict target.
        builder.HasIndex(a => a.EnterpriseCustomerId).IsUnique();
        builder.HasIndex(a => a.EnterpriseCustomerSlug).IsUnique();
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
    }
}

internal sealed class PlanTypeConfiguration : IEntityTypeConfiguration<PlanType>
{
    public void Configure(EntityTypeBuilder<PlanType> builder)
    {
        builder.ToTable("plan_types");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Label).HasMaxLength(128);
        builder.Property(t => t.Description).HasMaxLength(255);
        builder.HasIndex(t => t.Label).IsUnique();
        builder.HasData(
            new PlanType { Id = PlanType.StandardPaidId, Label = "Standard Paid", Description = "A paid subscription.", IsPaidSubscription = true, SalesforceIdRequired = true },
            new PlanType { Id = PlanType.OceId, Label = "OCE", Description = "An unpaid academic subscription.", SalesforceIdRequired = true },
            new PlanType { Id = PlanType.TrialId, Label = "Trial", Description = "An unpaid trial.", SalesforceIdRequired = true },
            new PlanType { Id = PlanType.TestId, Label = "Test", Description = "Internal testing; needs no sales ids.", InternalUseOnly = true });
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(Product.MaxDescriptionLength);
        builder.Property(p => p.SalesforceProductId).HasMaxLength(SubscriptionPlan.SalesforceIdLength);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasOne<PlanType>().WithMany().HasForeignKey(p => p.PlanTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubscriptionPlanConfiguration : IEntityTypeConfiguration<SubscriptionPlan>
{
    public void Configure(EntityTypeBuilder<SubscriptionPlan> builder)
    {
        builder.ToTable("subscription_plans", t =>
        {
            t.HasCheckConstraint("ck_subscription_plans_dates", "start_date < expiration_date");
            t.HasCheckConstraint("ck_subscription_plans_revoke_max_percentage", "revoke_max_percentage BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_subscription_plans_desired_num_licenses", "desired_num_licenses >= 0");
            t.HasCheckConstraint("ck_subscription_plans_line_item", "char_length(salesforce_opportunity_line_item) = 18");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(SubscriptionPlan.MaxTitleLength);
        builder.Property(p => p.SalesforceOpportunityLineItem).HasMaxLength(SubscriptionPlan.SalesforceIdLength);
        builder.Property(p => p.RevokeMaxPercentage).HasDefaultValue(SubscriptionPlan.DefaultRevokeMaxPercentage).ValueGeneratedNever();
        builder.HasOne<CustomerAgreement>().WithMany().HasForeignKey(p => p.CustomerAgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        // Titles are unique per agreement.
        builder.HasIndex(p => new { p.CustomerAgreementId, p.Title }).IsUnique();
        // At most one auto-apply plan per agreement: the invariant lives in the database.
        builder.HasIndex(p => p.CustomerAgreementId).IsUnique().HasFilter("should_auto_apply_licenses").HasDatabaseName("ux_subscription_plans_auto_apply");
        // Tenant-scoped lists ordered by start date (the default listing), and keyset paging over all plans.
        builder.HasIndex(p => new { p.EnterpriseCustomerId, p.StartDate, p.Id });
        builder.HasIndex(p => new { p.StartDate, p.Id });
        builder.HasIndex(p => new { p.ExpirationDate, p.Id });
        builder.HasIndex(p => new { p.Title, p.Id });
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
    }
}

internal sealed class SubscriptionPlanRenewalConfiguration : IEntityTypeConfiguration<SubscriptionPlanRenewal>
{
    public void Configure(EntityTypeBuilder<SubscriptionPlanRenewal> builder)
    {
        builder.ToTable("subscription_plan_renewals", t =>
        {
            t.HasCheckConstraint("ck_renewals_dates", "effective_date < renewed_expiration_date");
            t.HasCheckConstraint("ck_renewals_number_of_licenses", "number_of_licenses >= 1");
            t.HasCheckConstraint("ck_renewals_distinct_plans", "renewed_plan_id IS NULL OR renewed_plan_id <> prior_plan_id");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RenewedPlanTitle).HasMaxLength(SubscriptionPlan.MaxTitleLength);
        builder.Property(r => r.SalesforceOpportunityId).HasMaxLength(SubscriptionPlan.SalesforceIdLength);
        builder.Property(r => r.LicenseTypesToCopy).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<SubscriptionPlan>().WithMany().HasForeignKey(r => r.PriorPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubscriptionPlan>().WithMany().HasForeignKey(r => r.RenewedPlanId).OnDelete(DeleteBehavior.Restrict);
        // One renewal per prior plan, one origin per future plan: no merges, no splits.
        builder.HasIndex(r => r.PriorPlanId).IsUnique();
        builder.HasIndex(r => r.RenewedPlanId).IsUnique();
        builder.HasIndex(r => new { r.EnterpriseCustomerId, r.EffectiveDate });
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("change_history");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.EntityType).HasMaxLength(64);
        builder.Property(c => c.Actor).HasMaxLength(255);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChangeReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Snapshot).HasColumnType("jsonb");
        builder.HasIndex(c => new { c.EntityId, c.Id });
    }
}
