using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LicenseManager.Subscriptions.Data.Migrations
{
    /// <inheritdoc />
    internal partial class AgreementsPlansRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "subscriptions");

            migrationBuilder.CreateTable(
                name: "change_history",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    change_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    snapshot = table.Column<JsonDocument>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_agreements",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    enterprise_customer_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    default_catalog_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disable_expiration_notifications = table.Column<bool>(type: "boolean", nullable: false),
                    disable_onboarding_notifications = table.Column<bool>(type: "boolean", nullable: false),
                    license_duration_before_purge_days = table.Column<int>(type: "integer", nullable: false),
                    enable_auto_scaling = table.Column<bool>(type: "boolean", nullable: false),
                    auto_scaling_max_licenses = table.Column<int>(type: "integer", nullable: true),
                    auto_scaling_threshold_percentage = table.Column<int>(type: "integer", nullable: true),
                    auto_scaling_increment_percentage = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_agreements", x => x.id);
                    table.CheckConstraint("ck_customer_agreements_auto_scaling_increment", "auto_scaling_increment_percentage BETWEEN 1 AND 100");
                    table.CheckConstraint("ck_customer_agreements_auto_scaling_max", "auto_scaling_max_licenses >= 0");
                    table.CheckConstraint("ck_customer_agreements_auto_scaling_threshold", "auto_scaling_threshold_percentage BETWEEN 1 AND 100");
                    table.CheckConstraint("ck_customer_agreements_purge_days", "license_duration_before_purge_days >= 0");
                });

            migrationBuilder.CreateTable(
                name: "plan_types",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    is_paid_subscription = table.Column<bool>(type: "boolean", nullable: false),
                    salesforce_id_required = table.Column<bool>(type: "boolean", nullable: false),
                    internal_use_only = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    plan_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    salesforce_product_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_products_plan_types_plan_type_id",
                        column: x => x.plan_type_id,
                        principalSchema: "subscriptions",
                        principalTable: "plan_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subscription_plans",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    start_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expiration_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    catalog_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    salesforce_opportunity_line_item = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    is_revocation_cap_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    revoke_max_percentage = table.Column<int>(type: "integer", nullable: false, defaultValue: 5),
                    should_auto_apply_licenses = table.Column<bool>(type: "boolean", nullable: false),
                    for_internal_use_only = table.Column<bool>(type: "boolean", nullable: false),
                    can_freeze_unused_licenses = table.Column<bool>(type: "boolean", nullable: false),
                    desired_num_licenses = table.Column<int>(type: "integer", nullable: true),
                    expiration_processed = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscription_plans", x => x.id);
                    table.CheckConstraint("ck_subscription_plans_dates", "start_date < expiration_date");
                    table.CheckConstraint("ck_subscription_plans_desired_num_licenses", "desired_num_licenses >= 0");
                    table.CheckConstraint("ck_subscription_plans_line_item", "char_length(salesforce_opportunity_line_item) = 18");
                    table.CheckConstraint("ck_subscription_plans_revoke_max_percentage", "revoke_max_percentage BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_subscription_plans_customer_agreements_customer_agreement_id",
                        column: x => x.customer_agreement_id,
                        principalSchema: "subscriptions",
                        principalTable: "customer_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subscription_plans_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "subscriptions",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subscription_plan_renewals",
                schema: "subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prior_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    renewed_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    number_of_licenses = table.Column<int>(type: "integer", nullable: false),
                    effective_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    renewed_expiration_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    renewed_plan_title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    salesforce_opportunity_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    license_types_to_copy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    disable_auto_apply_licenses = table.Column<bool>(type: "boolean", nullable: false),
                    exempt_from_batch_processing = table.Column<bool>(type: "boolean", nullable: false),
                    processed = table.Column<bool>(type: "boolean", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscription_plan_renewals", x => x.id);
                    table.CheckConstraint("ck_renewals_dates", "effective_date < renewed_expiration_date");
                    table.CheckConstraint("ck_renewals_distinct_plans", "renewed_plan_id IS NULL OR renewed_plan_id <> prior_plan_id");
                    table.CheckConstraint("ck_renewals_number_of_licenses", "number_of_licenses >= 1");
                    table.ForeignKey(
                        name: "fk_subscription_plan_renewals_subscription_plans_prior_plan_id",
                        column: x => x.prior_plan_id,
                        principalSchema: "subscriptions",
                        principalTable: "subscription_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subscription_plan_renewals_subscription_plans_renewed_plan_",
                        column: x => x.renewed_plan_id,
                        principalSchema: "subscriptions",
                        principalTable: "subscription_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "subscriptions",
                table: "plan_types",
                columns: new[] { "id", "description", "internal_use_only", "is_paid_subscription", "label", "salesforce_id_required" },
                values: new object[,]
                {
                    { new Guid("0193a0c0-0000-7000-8000-000000000001"), "A paid subscription.", false, true, "Standard Paid", true },
                    { new Guid("0193a0c0-0000-7000-8000-000000000002"), "An unpaid academic subscription.", false, false, "OCE", true },
                    { new Guid("0193a0c0-0000-7000-8000-000000000003"), "An unpaid trial.", false, false, "Trial", true },
                    { new Guid("0193a0c0-0000-7000-8000-000000000004"), "Internal testing; needs no sales ids.", true, false, "Test", false }
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_history_entity_id_id",
                schema: "subscriptions",
                table: "change_history",
                columns: new[] { "entity_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_agreements_enterprise_customer_id",
                schema: "subscriptions",
                table: "customer_agreements",
                column: "enterprise_customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_agreements_enterprise_customer_slug",
                schema: "subscriptions",
                table: "customer_agreements",
                column: "enterprise_customer_slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_types_label",
                schema: "subscriptions",
                table: "plan_types",
                column: "label",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_name",
                schema: "subscriptions",
                table: "products",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_plan_type_id",
                schema: "subscriptions",
                table: "products",
                column: "plan_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plan_renewals_enterprise_customer_id_effective",
                schema: "subscriptions",
                table: "subscription_plan_renewals",
                columns: new[] { "enterprise_customer_id", "effective_date" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plan_renewals_prior_plan_id",
                schema: "subscriptions",
                table: "subscription_plan_renewals",
                column: "prior_plan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plan_renewals_renewed_plan_id",
                schema: "subscriptions",
                table: "subscription_plan_renewals",
                column: "renewed_plan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_customer_agreement_id_title",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "customer_agreement_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_enterprise_customer_id_start_date_id",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "enterprise_customer_id", "start_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_expiration_date_id",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "expiration_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_product_id",
                schema: "subscriptions",
                table: "subscription_plans",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_start_date_id",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "start_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_subscription_plans_auto_apply",
                schema: "subscriptions",
                table: "subscription_plans",
                column: "customer_agreement_id",
                unique: true,
                filter: "should_auto_apply_licenses");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_history",
                schema: "subscriptions");

            migrationBuilder.DropTable(
                name: "subscription_plan_renewals",
                schema: "subscriptions");

            migrationBuilder.DropTable(
                name: "subscription_plans",
                schema: "subscriptions");

            migrationBuilder.DropTable(
                name: "customer_agreements",
                schema: "subscriptions");

            migrationBuilder.DropTable(
                name: "products",
                schema: "subscriptions");

            migrationBuilder.DropTable(
                name: "plan_types",
                schema: "subscriptions");
        }
    }
}
