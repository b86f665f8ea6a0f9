using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class DropActivationKeyLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_licenses_activation_key",
                schema: "licenses",
                table: "licenses");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_licenses_activation_key",
                schema: "licenses",
                table: "licenses",
                column: "activation_key",
                filter: "activation_key IS NOT NULL");
        }
    }
}
