using LicenseManager.Licenses.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Data;

namespace LicenseManager.Licenses.Pool;

/// <summary>
/// Copies live licenses of a prior plan into its renewed plan: same email, user and activation key (emailed
/// activation links keep working), the original keeps its status and points to its copy. Idempotent: an
/// original with <c>renewed_to_id</c> set is not copied again. The originals are marked first, then the copies
/// inserted, because the activation key is unique among un-renewed licenses.
/// </summary>
internal static class RenewalCopy
{
    public const string RenewalActor = "system:renewal";

    public static async Task<RenewalCopyResult> RunAsync(
        UnitOfWork unit,
        LicensePool pool,
        TimeProvider clock,
        Guid priorPlanId,
        Guid renewedPlanId,
        Guid enterpriseCustomerId,
        LicenseTypesToCopy licenseTypesToCopy,
        int numberOfLicenses,
        CancellationToken cancellationToken)
    {
        int[] statuses = licenseTypesToCopy switch
        {
            LicenseTypesToCopy.AssignedAndActivated => [(int)LicenseStatus.Assigned, (int)LicenseStatus.Activated],
            LicenseTypesToCopy.Activated => [(int)LicenseStatus.Activated],
            _ => [],
        };

        await LicensePool.LockCountersAsync(unit, renewedPlanId, cancellationToken);
        var pending = new List<Guid>();
        long alreadyCopied;
        await using (var select = unit.Command("""
            SELECT id FROM licenses.licenses
            WHERE plan_id = @prior AND status = ANY(@statuses) AND renewed_to_id IS NULL
            ORDER BY id FOR UPDATE;
            """))
        {
            select.Parameters.AddWithValue("prior", priorPlanId);
            select.Parameters.AddWithValue("statuses", statuses);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add(reader.GetGuid(0));
            }
        }

        await using (var copied = unit.Command("SELECT count(*) FROM licenses.licenses WHERE plan_id = @renewed AND renewed_from_id IS NOT NULL"))
        {
            copied.Parameters.AddWithValue("renewed", renewedPlanId);
            alreadyCopied = (long)(await copied.ExecuteScalarAsync(cancellationToken))!;
        }

        var toCopy = (int)alreadyCopied + pending.Count;
        if (toCopy > numberOfLicenses)
        {
            return new RenewalCopyResult(false, 0, toCopy);
        }

        if (pending.Count > 0)
        {
            var now = clock.GetUtcNow();
            var copies = pending.Select(_ => Guid.CreateVersion7(now)).ToArray();
            await using var copy = unit.Command("""
                UPDATE licenses.licenses l SET renewed_to_id = m.copy_id
                FROM unnest(@originals, @copies) AS m(original_id, copy_id) WHERE l.id = m.original_id;

                INSERT INTO licenses.licenses (id, plan_id, enterprise_customer_id, status, user_email, user_id, activation_key,
                    assigned_at, activated_at, last_reminded_at, auto_applied, renewed_from_id, created_at)
                SELECT m.copy_id, @renewed, @enterprise, l.status, l.user_email, l.user_id, l.activation_key,
                    @now, l.activated_at, l.last_reminded_at, l.auto_applied, l.id, @now
                FROM unnest(@originals, @copies) AS m(original_id, copy_id) JOIN licenses.licenses l ON l.id = m.original_id;

                INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_before, email_after)
                SELECT l.id, l.plan_id, l.enterprise_customer_id, @renewedKind, @actor, @now, l.status, l.status, l.user_email, l.user_email
                FROM licenses.licenses l WHERE l.id = ANY(@originals) OR l.id = ANY(@copies);
                """);
            copy.Parameters.AddWithValue("originals", pending.ToArray());
            copy.Parameters.AddWithValue("copies", copies);
            copy.Parameters.AddWithValue("renewed", renewedPlanId);
            copy.Parameters.AddWithValue("enterprise", enterpriseCustomerId);
            copy.Parameters.AddWithValue("now", now);
            copy.Parameters.AddWithValue("renewedKind", (int)LicenseEventKind.Renewed);
            copy.Parameters.AddWithValue("actor", RenewalActor);
            await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        await pool.ProvisionAsync(unit, renewedPlanId, enterpriseCustomerId, numberOfLicenses, cancellationToken);
        return new RenewalCopyResult(true, pending.Count, toCopy);
    }
}
