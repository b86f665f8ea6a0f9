using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class LicenseCountVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "license_count_versions",
                schema: "licenses");

            migrationBuilder.AddColumn<long>(
                name: "version",
                schema: "licenses",
                table: "plan_license_counts",
                type: "bigint",
                nullable: false,
                defaultValueSql: "nextval('licenses.license_count_versions')");

            migrationBuilder.Sql(CountVersionsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CountVersionsSql.Down);

            migrationBuilder.DropColumn(
                name: "version",
                schema: "licenses",
                table: "plan_license_counts");

            migrationBuilder.DropSequence(
                name: "license_count_versions",
                schema: "licenses");
        }
    }
}
