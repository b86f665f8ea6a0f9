using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Catalog.Data.Migrations
{
    /// <inheritdoc />
    internal partial class CatalogsAndContentItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.CreateTable(
                name: "catalogs",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "content_items",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    catalog_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_content_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_content_items_catalogs_catalog_id",
                        column: x => x.catalog_id,
                        principalSchema: "catalog",
                        principalTable: "catalogs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalogs_enterprise_customer_id_title",
                schema: "catalog",
                table: "catalogs",
                columns: new[] { "enterprise_customer_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogs_title_id",
                schema: "catalog",
                table: "catalogs",
                columns: new[] { "title", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_content_items_catalog_id_content_key",
                schema: "catalog",
                table: "content_items",
                columns: new[] { "catalog_id", "content_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_content_items_catalog_id_id",
                schema: "catalog",
                table: "content_items",
                columns: new[] { "catalog_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_content_items_catalog_id_title_id",
                schema: "catalog",
                table: "content_items",
                columns: new[] { "catalog_id", "title", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "content_items",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "catalogs",
                schema: "catalog");
        }
    }
}
