namespace LicenseManager.Licenses.Data.Migrations;

/// <summary>
/// What EF cannot model: the live-email uniqueness (an expression index with a predicate), activation-key
/// uniqueness among un-renewed licenses, and the statement-level triggers that keep
/// <c>plan_license_counts</c> exact. Statement-level triggers with transition tables aggregate a whole
/// statement (a 1,000,000-row COPY, a 100,000-row assign) into one upsert per plan, in plan order so two
/// statements never take counter rows in opposite orders.
/// </summary>
internal static class CountersSql
{
    public const string Up = """
        CREATE UNIQUE INDEX ux_licenses_plan_live_email ON licenses.licenses (plan_id, lower(user_email))
            WHERE status IN (1, 2);
        CREATE UNIQUE INDEX ux_licenses_activation_key_head ON licenses.licenses (activation_key)
            WHERE activation_key IS NOT NULL AND renewed_to_id IS NULL;

        CREATE FUNCTION licenses.count_inserted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO licenses.plan_license_counts AS c (plan_id, unassigned, assigned, activated, revoked, revocations_applied, cap_reached_notified)
            SELECT plan_id,
                   count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1),
                   count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 3), 0, false
            FROM new_rows GROUP BY plan_id ORDER BY plan_id
            ON CONFLICT (plan_id) DO UPDATE SET
                unassigned = c.unassigned + excluded.unassigned, assigned = c.assigned + excluded.assigned,
                activated = c.activated + excluded.activated, revoked = c.revoked + excluded.revoked;
            RETURN NULL;
        END
        $fn$;

        CREATE FUNCTION licenses.count_updated_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            -- Only statements that change a status or a plan touch (and lock) a counter row: reminders don't.
            INSERT INTO licenses.plan_license_counts AS c (plan_id, unassigned, assigned, activated, revoked, revocations_applied, cap_reached_notified)
            SELECT plan_id,
                   coalesce(sum(n) FILTER (WHERE status = 0), 0), coalesce(sum(n) FILTER (WHERE status = 1), 0),
                   coalesce(sum(n) FILTER (WHERE status = 2), 0), coalesce(sum(n) FILTER (WHERE status = 3), 0), 0, false
            FROM (SELECT plan_id, status, 1 AS n FROM new_rows
                  UNION ALL SELECT plan_id, status, -1 FROM old_rows) d
            GROUP BY plan_id
            HAVING (coalesce(sum(n) FILTER (WHERE status = 0), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE status = 1), 0) <> 0
                OR coalesce(sum(n) FILTER (WHERE status = 2), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE status = 3), 0) <> 0)
            ORDER BY plan_id
            ON CONFLICT (plan_id) DO UPDATE SET
                unassigned = c.unassigned + excluded.unassigned, assigned = c.assigned + excluded.assigned,
                activated = c.activated + excluded.activated, revoked = c.revoked + excluded.revoked;
            RETURN NULL;
        END
        $fn$;

        CREATE FUNCTION licenses.count_deleted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            UPDATE licenses.plan_license_counts c SET
                unassigned = c.unassigned - d.unassigned, assigned = c.assigned - d.assigned,
                activated = c.activated - d.activated, revoked = c.revoked - d.revoked
            FROM (SELECT plan_id,
                         count(*) FILTER (WHERE status = 0) AS unassigned, count(*) FILTER (WHERE status = 1) AS assigned,
                         count(*) FILTER (WHERE status = 2) AS activated, count(*) FILTER (WHERE status = 3) AS revoked
                  FROM old_rows GROUP BY plan_id) d
            WHERE c.plan_id = d.plan_id;
            RETURN NULL;
        END
        $fn$;

        CREATE TRIGGER tr_licenses_count_insert AFTER INSERT ON licenses.licenses
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION licenses.count_inserted_licenses();
        CREATE TRIGGER tr_licenses_count_update AFTER UPDATE ON licenses.licenses
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION licenses.count_updated_licenses();
        CREATE TRIGGER tr_licenses_count_delete AFTER DELETE ON licenses.licenses
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION licenses.count_deleted_licenses();
        """;

    public const string Down = """
        DROP TRIGGER IF EXISTS tr_licenses_count_insert ON licenses.licenses;
        DROP TRIGGER IF EXISTS tr_licenses_count_update ON licenses.licenses;
        DROP TRIGGER IF EXISTS tr_licenses_count_delete ON licenses.licenses;
        DROP FUNCTION IF EXISTS licenses.count_inserted_licenses();
        DROP FUNCTION IF EXISTS licenses.count_updated_licenses();
        DROP FUNCTION IF EXISTS licenses.count_deleted_licenses();
        DROP INDEX IF EXISTS licenses.ux_licenses_plan_live_email;
        DROP INDEX IF EXISTS licenses.ux_licenses_activation_key_head;
        """;
}
