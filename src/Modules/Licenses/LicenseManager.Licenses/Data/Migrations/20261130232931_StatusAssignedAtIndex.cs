using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class StatusAssignedAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_licenses_plan_id_status_assigned_at_id",
                schema: "licenses",
                table: "licenses",
                columns: new[] { "plan_id", "status", "assigned_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licenses_plan_id_status_assigned_at_id",
                schema: "licenses",
                table: "licenses");
        }
    }
}
