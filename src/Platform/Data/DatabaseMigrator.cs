using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// Applies every module's migrations at startup, in module order, while holding a PostgreSQL
/// session advisory lock so that several instances starting together migrate one at a time.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceProvider services,
    IEnumerable<ModuleMigration> migrations,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    // An arbitrary constant shared by every instance of this application ("LICMGR").
    internal const long AdvisoryLockKey = 0x4C49434D4752;

    public async Task StartAsync(CancellationToken cancellationToken) => await MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (!migrations.Any())
        {
            return;
        }

        // A session lock needs one physical connection for its whole life: the bulk data source never multiplexes.
        var dataSource = services.GetRequiredService<BulkDataSource>().Source;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var migration in migrations)
            {
                logger.LogInformation("Migrating schema {Schema} ({Context})", migration.Schema, migration.ContextType.Name);
                await migration.MigrateAsync(services, cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
