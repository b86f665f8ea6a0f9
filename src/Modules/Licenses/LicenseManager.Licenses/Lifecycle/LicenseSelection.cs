using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Platform.Data;
using Npgsql;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>The reference's bulk-action filter: a case-insensitive email substring and a set of statuses.</summary>
internal sealed record LicenseFilter(string? UserEmailContains, IReadOnlyList<LicenseStatus>? StatusIn);

/// <summary>Selects and row-locks a plan's licenses by email list, by filter, or all of some statuses.</summary>
internal static class LicenseSelection
{
    public static async Task<List<License>> LockByEmailsAsync(
        UnitOfWork unit, Guid planId, IReadOnlyList<string> emails, LicenseStatus[] statuses, CancellationToken cancellationToken)
    {
        await using var command = unit.Command($"""
            SELECT {Access.LearnerLicenses.Columns} FROM licenses.licenses
            WHERE plan_id = @plan AND status = ANY(@statuses) AND lower(user_email) = ANY(@emails)
            ORDER BY id FOR UPDATE
            """);
        command.Parameters.AddWithValue("plan", planId);
        command.Parameters.AddWithValue("statuses", statuses.Select(s => (int)s).ToArray());
        command.Parameters.AddWithValue("emails", emails.ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    public static async Task<List<License>> LockByFilterAsync(
        UnitOfWork unit, Guid planId, LicenseFilter? filter, LicenseStatus[] statuses, CancellationToken cancellationToken)
    {
        var allowed = filter?.StatusIn is { Count: > 0 } wanted ? statuses.Intersect(wanted).ToArray() : statuses;
        var contains = filter?.UserEmailContains is { Length: > 0 } term ? Emails.Normalize(term) : null;
        await using var command = unit.Command($"""
            SELECT {Access.LearnerLicenses.Columns} FROM licenses.licenses
            WHERE plan_id = @plan AND status = ANY(@statuses)
              AND (@contains::text IS NULL OR strpos(user_email, @contains::text) > 0)
            ORDER BY id FOR UPDATE
            """);
        command.Parameters.AddWithValue("plan", planId);
        command.Parameters.AddWithValue("statuses", allowed.Select(s => (int)s).ToArray());
        command.Parameters.Add(new NpgsqlParameter<string?>("contains", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = contains });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<License>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        command.CommandTimeout = 120;
        var found = new List<License>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Access.LearnerLicenses.Read(reader));
        }

        return found;
    }
}
