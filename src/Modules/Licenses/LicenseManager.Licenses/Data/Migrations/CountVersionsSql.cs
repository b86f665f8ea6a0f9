namespace LicenseManager.Licenses.Data.Migrations;

/// <summary>
/// The counter triggers of <see cref="CountersSql"/>, now also renewing the plan's <c>version</c> stamp on
/// EVERY statement that changes its licenses: an update of any column (reminders change <c>last_reminded_at</c>,
/// which lists filter on), not only of a status. The version validates cached counts of filtered lists, so a
/// statement that skipped it would leave a stale count behind. Each statement still takes the counter rows it
/// touches in plan order (<c>INSERT … SELECT … ORDER BY plan_id ON CONFLICT</c> locks row by row in that order),
/// so two statements never take them in opposite orders; deletes use the same upsert for the same reason.
/// The row locks a statement holds on licenses are always taken before its trigger's counter lock.
/// </summary>
internal static class CountVersionsSql
{
    private const string Columns = "(plan_id, unassigned, assigned, activated, revoked, revocations_applied, cap_reached_notified)";

    private const string Adjust = """
        ON CONFLICT (plan_id) DO UPDATE SET
            unassigned = c.unassigned + excluded.unassigned, assigned = c.assigned + excluded.assigned,
            activated = c.activated + excluded.activated, revoked = c.revoked + excluded.revoked
        """;

    public const string Up = $"""
        CREATE OR REPLACE FUNCTION licenses.count_inserted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO licenses.plan_license_counts AS c {Columns}
            SELECT plan_id,
                   count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1),
                   count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 3), 0, false
            FROM new_rows GROUP BY plan_id ORDER BY plan_id
            {Adjust}, version = nextval('licenses.license_count_versions');
            RETURN NULL;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION licenses.count_updated_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            -- Every plan with an updated row: its version changes even when no status does.
            INSERT INTO licenses.plan_license_counts AS c {Columns}
            SELECT plan_id,
                   coalesce(sum(n) FILTER (WHERE status = 0), 0), coalesce(sum(n) FILTER (WHERE status = 1), 0),
                   coalesce(sum(n) FILTER (WHERE status = 2), 0), coalesce(sum(n) FILTER (WHERE status = 3), 0), 0, false
            FROM (SELECT plan_id, status, 1 AS n FROM new_rows
                  UNION ALL SELECT plan_id, status, -1 FROM old_rows) d
            GROUP BY plan_id ORDER BY plan_id
            {Adjust}, version = nextval('licenses.license_count_versions');
            RETURN NULL;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION licenses.count_deleted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO licenses.plan_license_counts AS c {Columns}
            SELECT plan_id,
                   -count(*) FILTER (WHERE status = 0), -count(*) FILTER (WHERE status = 1),
                   -count(*) FILTER (WHERE status = 2), -count(*) FILTER (WHERE status = 3), 0, false
            FROM old_rows GROUP BY plan_id ORDER BY plan_id
            {Adjust}, version = nextval('licenses.license_count_versions');
            RETURN NULL;
        END
        $fn$;
        """;

    /// <summary>The functions as <see cref="CountersSql"/> created them (before the version column is dropped).</summary>
    public const string Down = $"""
        CREATE OR REPLACE FUNCTION licenses.count_inserted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO licenses.plan_license_counts AS c {Columns}
            SELECT plan_id,
                   count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1),
                   count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 3), 0, false
            FROM new_rows GROUP BY plan_id ORDER BY plan_id
            {Adjust};
            RETURN NULL;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION licenses.count_updated_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO licenses.plan_license_counts AS c {Columns}
            SELECT plan_id,
                   coalesce(sum(n) FILTER (WHERE status = 0), 0), coalesce(sum(n) FILTER (WHERE status = 1), 0),
                   coalesce(sum(n) FILTER (WHERE status = 2), 0), coalesce(sum(n) FILTER (WHERE status = 3), 0), 0, false
            FROM (SELECT plan_id, status, 1 AS n FROM new_rows
                  UNION ALL SELECT plan_id, status, -1 FROM old_rows) d
            GROUP BY plan_id
            HAVING (coalesce(sum(n) FILTER (WHERE status = 0), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE status = 1), 0) <> 0
                OR coalesce(sum(n) FILTER (WHERE status = 2), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE status = 3), 0) <> 0)
            ORDER BY plan_id
            {Adjust};
            RETURN NULL;
        END
        $fn$;

        CREATE OR REPLACE FUNCTION licenses.count_deleted_licenses() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
        """;
}
