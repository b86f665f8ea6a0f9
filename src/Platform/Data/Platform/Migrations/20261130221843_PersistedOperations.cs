using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Platform.Data.Platform.Migrations
{
    /// <inheritdoc />
    public partial class PersistedOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "platform");

            migrationBuilder.CreateTable(
                name: "persisted_operations",
                schema: "platform",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_persisted_operations", x => x.id);
                    table.CheckConstraint("ck_persisted_operations_hash", "hash ~ '^([0-9a-f]{32}|[0-9a-f]{64})$'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_persisted_operations_hash",
                schema: "platform",
                table: "persisted_operations",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_persisted_operations_registered_at_id",
                schema: "platform",
                table: "persisted_operations",
                columns: new[] { "registered_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "persisted_operations",
                schema: "platform");
        }
    }
}
