using LicenseManager.Platform.Data;

namespace LicenseManager.Host.LocalDatabase;

/// <summary>
/// <c>dotnet run --project src/Host</c> with no <c>ConnectionStrings:LicenseManager</c>: start (or reuse)
/// a PostgreSQL cluster under <c>.data/postgres</c> at the repository root and point the app at it.
/// With a connection string configured nothing is started. Outside Development only when
/// <c>LocalDatabase:Enabled=true</c>: a production instance must never quietly run on a database of its own.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string DatabaseName = "license_manager";

    private readonly PostgresCluster? _cluster;

    /// <summary>The running cluster's data directory; null when a connection string is configured.</summary>
    public string? DataDirectory => _cluster?.DataDirectory;

    private LocalCluster(PostgresCluster? cluster) => _cluster = cluster;

    public static async Task<LocalCluster> EnsureAsync(
        IConfiguration configuration, IHostEnvironment environment, IHostApplicationLifetime lifetime, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseConnection.ConnectionStringName)) && !IsAllowed(configuration, environment))
        {
            throw new LocalClusterException(NotAllowedMessage(environment));
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseConnection.ConnectionStringName)))
        {
            return new LocalCluster(null);
        }

        var wanted = Path.Combine(RepositoryRoot(environment.ContentRootPath), ".data", "postgres");
        var dataDirectory = PostgresCluster.Place(wanted, configuration["LocalDatabase:FallbackDirectory"] ?? "/var/lib/license-manager");
        if (dataDirectory != wanted)
        {
            logger.LogInformation("The postgres user cannot enter {Wanted} (a parent directory is private): the cluster lives in {Directory}", wanted, dataDirectory);
        }

        var port = configuration.GetValue("LocalDatabase:Port", 54329);
        logger.LogInformation("No ConnectionStrings:LicenseManager configured: using a local PostgreSQL cluster in {Directory}", dataDirectory);
        var cluster = await PostgresCluster.StartAsync(dataDirectory, port, throwaway: false, lifetime.ApplicationStopping);
        await cluster.CreateDatabaseIfMissingAsync(DatabaseName, lifetime.ApplicationStopping);
        configuration[$"ConnectionStrings:{DatabaseConnection.ConnectionStringName}"] = cluster.ConnectionString(DatabaseName);
        logger.LogInformation("Local PostgreSQL is listening on 127.0.0.1:{Port} (database {Database})", cluster.Port, DatabaseName);
        return new LocalCluster(cluster);
    }

    /// <summary>Whether a missing connection string may be made up for by the local cluster.</summary>
    public static bool IsAllowed(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue("LocalDatabase:Enabled", false);

    /// <summary>One line for the terminal when neither a connection string nor the local cluster is allowed.</summary>
    public static string NotAllowedMessage(IHostEnvironment environment) =>
        $"ConnectionStrings:LicenseManager is not configured, and outside Development ({environment.EnvironmentName}) no local database is started: " +
        "set ConnectionStrings__LicenseManager (or LocalDatabase:Enabled=true to use a local cluster under .data/postgres).";

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
        }
    }

    /// <summary>The checkout's root (where LicenseManager.sln is), so that .data is shared by every project.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicenseManager.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
