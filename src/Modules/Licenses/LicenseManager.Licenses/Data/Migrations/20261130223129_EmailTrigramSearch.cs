using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Licenses.Data.Migrations
{
    /// <inheritdoc />
    internal partial class EmailTrigramSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // Written by hand: EF's differ drops a second index on a column that already has one.
            migrationBuilder.Sql("""
                CREATE INDEX ix_licenses_user_email_trgm ON licenses.licenses USING gin (user_email gin_trgm_ops)
                    WHERE user_email IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS licenses.ix_licenses_user_email_trgm;");
            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
