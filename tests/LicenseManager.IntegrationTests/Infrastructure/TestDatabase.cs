using LicenseManager.Host;
using LicenseManager.Host.LocalDatabase;
using LicenseManager.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (random port on 127.0.0.1, fsync off, removed at exit),
/// or the server named by the environment variable <c>LM_TEST_CONNECTION</c> (or
/// <c>ConnectionStrings__LicenseManager</c>). Every test class gets its own fresh database on it: a copy
/// (<c>CREATE DATABASE … TEMPLATE</c>) of one database migrated once per run, so the cost of a class does
/// not grow with the modules' migrations. A missing PostgreSQL fails loudly, with the fix in the message.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<Func<string, string>>> Server = new(StartServerAsync);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>A database with every module's migrations applied, copied from the run's template.</summary>
    public static async Task<string> CreateMigratedAsync()
    {
        if (Environment.GetEnvironmentVariable("LM_TEST_NO_TEMPLATE") == "1")
        {
            // For measuring what the template saves: an empty database that the class's boot migrates.
            return await CreateAsync();
        }

        var template = await Template.Value;
        var connectionStringFor = await Server.Value;
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(connectionStringFor("postgres"));
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
                await create.ExecuteNonQueryAsync();
                return connectionStringFor(name);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 100)
            {
                // A session of the template's own boot still closing: wait for it rather than fail the class.
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// Runs every module's migrations once on a fresh database, with the Host's composition but without
    /// starting it: the template holds schema and seed rows only, nothing an instance writes when it starts
    /// (such as its Data Protection keys), which each class's own boot adds to its copy.
    /// </summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var connectionString = await CreateAsync("template");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:LicenseManager"] = connectionString;
        builder.Logging.ClearProviders();
        builder.Services.AddLicenseManager(builder.Configuration);
        await using (var app = builder.Build())
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection((await Server.Value)("postgres"));
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("name", name);
        await terminate.ExecuteNonQueryAsync();
        return name;
    }


    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string prefix = "test")
    {
        var connectionStringFor = await Server.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(connectionStringFor("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return connectionStringFor(name);
    }

    private static async Task<Func<string, string>> StartServerAsync()
    {
        var external = Environment.GetEnvironmentVariable("LM_TEST_CONNECTION")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__LicenseManager");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return database => new NpgsqlConnectionStringBuilder(external) { Database = database }.ConnectionString;
        }

        var root = Path.Combine(Path.GetTempPath(), "lm-test-clusters");
        await RemoveAbandonedClustersAsync(root);
        var directory = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        PostgresCluster cluster;
        try
        {
            cluster = await PostgresCluster.StartAsync(directory, PostgresCluster.FreePort(), throwaway: true);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                "The integration tests need PostgreSQL. Install its server binaries (Debian: apt-get install -y postgresql) " +
                "or point LM_TEST_CONNECTION at a server where the user may create databases. " + exception.Message, exception);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync(immediate: true).GetAwaiter().GetResult();
            TryDelete(directory);
        };
        return cluster.ConnectionString;
    }

    /// <summary>Clusters left by runs that were killed: stop them and delete their files.</summary>
    private static async Task RemoveAbandonedClustersAsync(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var directory in Directory.GetDirectories(root))
        {
            var owner = Path.GetFileName(directory).Split('-')[0];
            if (int.TryParse(owner, out var pid) && IsAlive(pid))
            {
                continue;
            }

            // A killed run leaves its server behind: stop it by its pid (line 1 of postmaster.pid).
            var pidFile = Path.Combine(directory, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var serverPid) && IsAlive(serverPid))
            {
                using var server = System.Diagnostics.Process.GetProcessById(serverPid);
                server.Kill();
                await server.WaitForExitAsync();
            }

            TryDelete(directory);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
