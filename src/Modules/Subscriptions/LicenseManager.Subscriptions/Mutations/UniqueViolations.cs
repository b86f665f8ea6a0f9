using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseManager.Subscriptions.Mutations;

/// <summary>The unique indexes are the last line against duplicates; this turns their violation into a value.</summary>
internal static class UniqueViolations
{
    /// <summary>Saves; returns null on success, or the name of the unique index that refused the change.</summary>
    public static async Task<string?> SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            return unique.ConstraintName ?? string.Empty;
        }
    }
}
