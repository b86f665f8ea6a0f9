using LicenseManager.Host;
using LicenseManager.Host.LocalDatabase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace LicenseManager.Bench;

/// <summary>
/// The real application (every module, <see cref="Composition"/>) on Kestrel at 127.0.0.1 with a free
/// port, over a throwaway PostgreSQL cluster (fsync off, removed at the end) or <c>LM_BENCH_CONNECTION</c>.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string Database = "license_manager_bench";

    private PostgresCluster? _cluster;
    private string? _clusterDirectory;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabaseDescription { get; private set; } = string.Empty;

    public static async Task<BenchServer> StartAsync(TextWriter log)
    {
        var server = new BenchServer();
        try
        {
            var connectionString = await server.DatabaseAsync(log);
            await server.StartAppAsync(connectionString);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task<string> DatabaseAsync(TextWriter log)
    {
        var external = Environment.GetEnvironmentVariable("LM_BENCH_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            DatabaseDescription = $"LM_BENCH_CONNECTION ({builder.Host}:{builder.Port}/{builder.Database})";
            return external;
        }

        _clusterDirectory = Path.Combine(Path.GetTempPath(), "lm-bench-clusters", $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        log.WriteLine($"starting a throwaway PostgreSQL cluster in {_clusterDirectory}");
        _cluster = await PostgresCluster.StartAsync(_clusterDirectory, PostgresCluster.FreePort(), throwaway: true);
        await _cluster.CreateDatabaseIfMissingAsync(Database);
        DatabaseDescription = $"throwaway cluster 127.0.0.1:{_cluster.Port} (fsync=off)";
        return _cluster.ConnectionString(Database);
    }

    private async Task StartAppAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Not Production (that refuses to start without certificates), not Development (detailed errors):
            // ephemeral signing keys, HTTP allowed, production-like error handling.
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LicenseManager"] = connectionString,
            ["Auth:EnablePasswordFlow"] = "true",
            ["Auth:AccessTokenLifetime"] = "01:00:00",
            ["Licenses:ChecksumSecret"] = "bench-checksum-secret",
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "lm-bench-mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // Data Protection keys go to the database unencrypted here, as in the tests; not worth a warning.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddLicenseManager(builder.Configuration);
        App = builder.Build();
        App.UseLicenseManager();
        // Starting runs the migrations (the first hosted service).
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            try
            {
                await App.StopAsync(TimeSpan.FromSeconds(10));
            }
            finally
            {
                await App.DisposeAsync();
            }
        }

        if (_cluster is not null)
        {
            await _cluster.StopAsync(immediate: true);
        }

        if (_clusterDirectory is not null)
        {
            try
            {
                Directory.Delete(_clusterDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not delete {_clusterDirectory}: {exception.Message}");
            }
        }
    }
}
