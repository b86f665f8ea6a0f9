using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicenseManager.Subscriptions.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ImmutableEnterpriseIdsAndSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The enterprise id is immutable on every row that carries it: plans, licenses and catalogs hang off it.
            migrationBuilder.Sql("""
                CREATE FUNCTION subscriptions.enterprise_customer_id_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.enterprise_customer_id <> OLD.enterprise_customer_id THEN
                        RAISE EXCEPTION 'enterprise_customer_id of %.% cannot be updated', TG_TABLE_SCHEMA, TG_TABLE_NAME
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER enterprise_customer_id_is_immutable BEFORE UPDATE OF enterprise_customer_id ON subscriptions.customer_agreements
                    FOR EACH ROW EXECUTE FUNCTION subscriptions.enterprise_customer_id_is_immutable();
                CREATE TRIGGER enterprise_customer_id_is_immutable BEFORE UPDATE OF enterprise_customer_id ON subscriptions.subscription_plans
                    FOR EACH ROW EXECUTE FUNCTION subscriptions.enterprise_customer_id_is_immutable();
                CREATE TRIGGER enterprise_customer_id_is_immutable BEFORE UPDATE OF enterprise_customer_id ON subscriptions.subscription_plan_renewals
                    FOR EACH ROW EXECUTE FUNCTION subscriptions.enterprise_customer_id_is_immutable();
                """);
            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_created_at_id",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_plans_title_id",
                schema: "subscriptions",
                table: "subscription_plans",
                columns: new[] { "title", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_agreements_created_at_id",
                schema: "subscriptions",
                table: "customer_agreements",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER enterprise_customer_id_is_immutable ON subscriptions.customer_agreements;
                DROP TRIGGER enterprise_customer_id_is_immutable ON subscriptions.subscription_plans;
                DROP TRIGGER enterprise_customer_id_is_immutable ON subscriptions.subscription_plan_renewals;
                DROP FUNCTION subscriptions.enterprise_customer_id_is_immutable();
                """);
            migrationBuilder.DropIndex(
                name: "ix_subscription_plans_created_at_id",
                schema: "subscriptions",
                table: "subscription_plans");

            migrationBuilder.DropIndex(
                name: "ix_subscription_plans_title_id",
                schema: "subscriptions",
                table: "subscription_plans");

            migrationBuilder.DropIndex(
                name: "ix_customer_agreements_created_at_id",
                schema: "subscriptions",
                table: "customer_agreements");
        }
    }
}
