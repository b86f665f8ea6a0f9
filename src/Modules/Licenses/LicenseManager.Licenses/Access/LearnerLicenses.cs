using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Data;
using Npgsql;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// A learner's live (ASSIGNED/ACTIVATED) licenses in one enterprise, by user id or email: two index probes
/// (partial indexes on user_id and user_email) in one round trip, raw Npgsql on the multiplexed source because
/// this is the hot path (every command here is async).
/// </summary>
internal sealed class LearnerLicenses(MultiplexedDataSource dataSource)
{
    public const string Columns =
        "id, plan_id, enterprise_customer_id, status, user_email, user_id, activation_key, assigned_at, activated_at, " +
        "last_reminded_at, revoked_at, auto_applied, renewed_to_id, renewed_from_id, created_at";

    public async Task<IReadOnlyList<License>> LiveInEnterpriseAsync(Guid enterpriseId, Guid? userId, string? email, CancellationToken cancellationToken)
    {
        if (userId is null && email is null)
        {
            return [];
        }

        await using var command = dataSource.Source.CreateCommand($"""
            SELECT {Columns} FROM licenses.licenses
            WHERE user_id = @user AND enterprise_customer_id = @enterprise AND status IN (1, 2)
            UNION
            SELECT {Columns} FROM licenses.licenses
            WHERE user_email = @email AND enterprise_customer_id = @enterprise AND status IN (1, 2)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<string?>("email", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = email });
        command.Parameters.AddWithValue("enterprise", enterpriseId);
        var found = new List<License>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    public static License Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        SubscriptionPlanId = reader.GetGuid(1),
        EnterpriseCustomerId = reader.GetGuid(2),
        Status = (LicenseStatus)reader.GetInt32(3),
        UserEmail = reader.IsDBNull(4) ? null : reader.GetString(4),
        UserId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
        ActivationKey = reader.IsDBNull(6) ? null : reader.GetGuid(6),
        AssignedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        ActivatedAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        LastRemindedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        RevokedAt = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        AutoApplied = reader.GetBoolean(11),
        RenewedToId = reader.IsDBNull(12) ? null : reader.GetGuid(12),
        RenewedFromId = reader.IsDBNull(13) ? null : reader.GetGuid(13),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(14),
    };
}
