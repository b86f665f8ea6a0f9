using System.Linq.Expressions;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Filtering;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseManager.Licenses.Lifecycle;

/// <summary>
/// Selects and row-locks a plan's licenses of some statuses: by email list, or by the same <c>LicenseFilterInput</c>
/// the <c>licenses(planId, where:)</c> list takes (null: all of them). Two statements whatever the count: the
/// filter runs through the Platform's translator (EF makes the SQL, so the list's indexes serve it), then the
/// matching rows are locked by id and their status re-checked (a concurrent change drops them).
/// </summary>
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

    /// <summary>The client's parsed <c>where</c> as a predicate (null: no condition).</summary>
    public static Expression<Func<License, bool>>? Translate(IDictionary<string, object?>? where) =>
        new FilterTranslator<License>(LicenseConventions.Licenses).Translate(where);

    /// <summary>The ids of the plan's licenses of <paramref name="statuses"/> that match <paramref name="where"/> (null: all); not locked.</summary>
    public static async Task<Guid[]> MatchingIdsAsync(
        UnitOfWork unit, Guid planId, Expression<Func<License, bool>>? where, LicenseStatus[] statuses, CancellationToken cancellationToken)
    {
        var db = unit.Db<LicensesDbContext>();
        db.Database.SetCommandTimeout(120);
        var matching = db.Licenses.AsNoTracking()
            .Where(l => l.SubscriptionPlanId == planId && statuses.Contains(l.Status));
        if (where is not null)
        {
            matching = matching.Where(where);
        }

        return await matching.Select(l => l.Id).ToArrayAsync(cancellationToken);
    }

    public static async Task<List<License>> LockMatchingAsync(
        UnitOfWork unit, Guid planId, Expression<Func<License, bool>>? where, LicenseStatus[] statuses, CancellationToken cancellationToken)
    {
        var ids = await MatchingIdsAsync(unit, planId, where, statuses, cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        await using var command = unit.Command($"""
            SELECT {Access.LearnerLicenses.Columns} FROM licenses.licenses
            WHERE id = ANY(@ids) AND plan_id = @plan AND status = ANY(@statuses)
            ORDER BY id FOR UPDATE
            """);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("plan", planId);
        command.Parameters.AddWithValue("statuses", statuses.Select(s => (int)s).ToArray());
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
