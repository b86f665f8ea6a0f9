using LicenseManager.Licenses.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Data;
using NpgsqlTypes;

namespace LicenseManager.Licenses.Pool;

/// <summary>
/// Provisioning by binary COPY (ids are v7 UUIDs made here: ~3× faster than gen_random_uuid() in SQL, and
/// they arrive in index order). The plan's counter row is locked first, so two provisionings of one plan
/// queue instead of both topping it up.
/// </summary>
internal sealed class LicensePool(TimeProvider clock) : ILicensePool
{
    public async Task<int> ProvisionAsync(UnitOfWork unit, Guid planId, Guid enterpriseCustomerId, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var live = await LockCountersAsync(unit, planId, cancellationToken);
        var missing = size - live;
        if (missing <= 0)
        {
            return 0;
        }

        await AddUnassignedAsync(unit, planId, enterpriseCustomerId, (int)missing, cancellationToken);
        return (int)missing;
    }

    public Task<RenewalCopyResult> CopyToRenewedPlanAsync(
        UnitOfWork unit,
        Guid priorPlanId,
        Guid renewedPlanId,
        Guid enterpriseCustomerId,
        LicenseTypesToCopy licenseTypesToCopy,
        int numberOfLicenses,
        CancellationToken cancellationToken) =>
        RenewalCopy.RunAsync(unit, this, clock, priorPlanId, renewedPlanId, enterpriseCustomerId, licenseTypesToCopy, numberOfLicenses, cancellationToken);

    /// <summary>Creates the plan's counter row if needed and locks it; returns the live (non-revoked) licenses.</summary>
    public static async Task<long> LockCountersAsync(UnitOfWork unit, Guid planId, CancellationToken cancellationToken)
    {
        await using var command = unit.Command("""
            INSERT INTO licenses.plan_license_counts (plan_id, unassigned, assigned, activated, revoked, revocations_applied, cap_reached_notified)
            VALUES (@plan, 0, 0, 0, 0, 0, false) ON CONFLICT (plan_id) DO NOTHING;
            SELECT unassigned + assigned + activated FROM licenses.plan_license_counts WHERE plan_id = @plan FOR UPDATE;
            """);
        command.Parameters.AddWithValue("plan", planId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// COPYs <paramref name="count"/> UNASSIGNED licenses. Their <c>created</c> history entry is the row itself
    /// (<c>created_at</c>), not an event row: a 1,000,000-license plan would otherwise write 1,000,000 more rows.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AddUnassignedAsync(
        UnitOfWork unit, Guid planId, Guid enterpriseCustomerId, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = Guid.CreateVersion7(now);
        }

        // v7 ids of one millisecond are random after the timestamp: sorted (Guid order is PostgreSQL's uuid order),
        // every index keyed by (plan, …, id) is appended to instead of written at random pages (measured: several × faster).
        Array.Sort(ids);

        await using (var writer = await unit.Connection.BeginBinaryImportAsync(
            "COPY licenses.licenses (id, plan_id, enterprise_customer_id, status, auto_applied, created_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var id in ids)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(planId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(enterpriseCustomerId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync((int)LicenseStatus.Unassigned, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return ids;
    }
}
