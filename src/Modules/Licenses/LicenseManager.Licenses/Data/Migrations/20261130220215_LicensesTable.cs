using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class LicensesTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "licenses");

            migrationBuilder.CreateTable(
                name: "license_events",
                schema: "licenses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    license_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_before = table.Column<int>(type: "integer", nullable: true),
                    status_after = table.Column<int>(type: "integer", nullable: false),
                    email_before = table.Column<string>(type: "text", nullable: true),
                    email_after = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_license_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licenses",
                schema: "licenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    user_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    activation_key = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    auto_applied = table.Column<bool>(type: "boolean", nullable: false),
                    renewed_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    renewed_from_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licenses", x => x.id);
                    table.CheckConstraint("ck_licenses_status", "status BETWEEN 0 AND 3");
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "licenses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    license_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recipient = table.Column<string>(type: "text", nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_license_counts",
                schema: "licenses",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unassigned = table.Column<long>(type: "bigint", nullable: false),
                    assigned = table.Column<long>(type: "bigint", nullable: false),
                    activated = table.Column<long>(type: "bigint", nullable: false),
                    revoked = table.Column<long>(type: "bigint", nullable: false),
                    revocations_applied = table.Column<int>(type: "integer", nullable: false),
                    cap_reached_notified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_license_counts", x => x.plan_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_license_events_license_id_id",
                schema: "licenses",
                table: "license_events",
                columns: new[] { "license_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_activation_key",
                schema: "licenses",
                table: "licenses",
                column: "activation_key",
                filter: "activation_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_activated_at_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "activated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_assigned_at_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "assigned_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_last_reminded_at_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "last_reminded_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_status_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_user_email_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "user_email", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_licenses_renewed_from_id",
                schema: "licenses",
                table: "licenses",
                column: "renewed_from_id",
                unique: true,
                filter: "renewed_from_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_user_email",
                schema: "licenses",
                table: "licenses",
                column: "user_email",
                filter: "user_email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_user_id",
                schema: "licenses",
                table: "licenses",
                column: "user_id",
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                schema: "licenses",
                table: "outbox",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.Sql(CountersSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CountersSql.Down);
            migrationBuilder.DropTable(
                name: "license_events",
                schema: "licenses");

            migrationBuilder.DropTable(
                name: "licenses",
                schema: "licenses");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "licenses");

            migrationBuilder.DropTable(
                name: "plan_license_counts",
                schema: "licenses");
        }
    }
}
