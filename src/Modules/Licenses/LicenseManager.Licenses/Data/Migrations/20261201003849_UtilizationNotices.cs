using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class UtilizationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "utilization_notified",
                schema: "licenses",
                table: "plan_license_counts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_plan_license_counts_utilization_notified",
                schema: "licenses",
                table: "plan_license_counts",
                sql: "utilization_notified IN (0, 75, 100)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_plan_license_counts_utilization_notified",
                schema: "licenses",
                table: "plan_license_counts");

            migrationBuilder.DropColumn(
                name: "utilization_notified",
                schema: "licenses",
                table: "plan_license_counts");
        }
    }
}
