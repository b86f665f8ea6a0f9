using LicenseManager.Licenses.Contracts;
using Npgsql;

namespace LicenseManager.Licenses.Pool;

/// <summary>Reads the trigger-maintained counter rows: one primary-key lookup per plan, one query for all.</summary>
internal sealed class LicenseCountsReader(NpgsqlDataSource dataSource) : ILicenseCounts
{
    public async Task<IReadOnlyDictionary<Guid, LicenseCounts>> GetManyAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken)
    {
        var ids = planIds.Distinct().ToArray();
        var result = ids.ToDictionary(id => id, id => new LicenseCounts(id, 0, 0, 0, 0, 0));
        if (ids.Length == 0)
        {
            return result;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT plan_id, unassigned, assigned, activated, revoked, revocations_applied
            FROM licenses.plan_license_counts WHERE plan_id = ANY(@plans)
            """);
        command.Parameters.AddWithValue("plans", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            result[id] = new LicenseCounts(id, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5));
        }

        return result;
    }
}
