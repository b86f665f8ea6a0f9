using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LicenseManager.Host.LocalDatabase;

/// <summary>
/// A PostgreSQL cluster in a directory of ours, started with the machine's initdb/pg_ctl. Used by
/// <c>dotnet run</c> when no connection string is configured and by the integration-test fixture.
/// initdb refuses to run as root, so as root every command runs through <c>runuser -u postgres</c>.
/// </summary>
public sealed class PostgresCluster
{
    private readonly string _binDirectory;

    private PostgresCluster(string binDirectory, string dataDirectory, int port)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    /// <summary>Initializes the directory if needed and starts the server, or reuses one already running there.</summary>
    public static async Task<PostgresCluster> StartAsync(string dataDirectory, int port, bool throwaway, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var cluster = new PostgresCluster(bin, dataDirectory, port);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            cluster.HandToServiceUser();
            var sync = throwaway ? "--no-sync " : string.Empty;
            await cluster.RunAsync("initdb", $"-D \"{dataDirectory}\" -U postgres --auth=trust --encoding=UTF8 --no-locale {sync}", cancellationToken);
        }

        var runningPort = RunningPort(dataDirectory);
        if (runningPort is { } existing && await cluster.RunAsync("pg_ctl", $"-D \"{dataDirectory}\" status", cancellationToken, throwOnError: false) == 0)
        {
            return new PostgresCluster(bin, dataDirectory, existing);
        }

        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -k \"{SocketDirectory(dataDirectory)}\"";
        if (throwaway)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        var log = Path.Combine(dataDirectory, "server.log");
        await cluster.RunAsync("pg_ctl", $"-D \"{dataDirectory}\" -o \"{settings.Replace("\"", "\\\"")}\" -l \"{log}\" -w -t 60 start", cancellationToken);
        return cluster;
    }

    public async Task StopAsync(bool immediate = false)
    {
        var mode = immediate ? "immediate" : "fast";
        await RunAsync("pg_ctl", $"-D \"{DataDirectory}\" -m {mode} -w stop", CancellationToken.None, throwOnError: false);
    }

    public async Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>initdb/pg_ctl from PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string FindBinDirectory()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")))
                .OrderByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count > 0)
        {
            return candidates[0].Bin;
        }

        throw new LocalClusterException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
            "install them (Debian: `apt-get install -y postgresql`) or set ConnectionStrings:LicenseManager to an existing server.");
    }

    private static int? RunningPort(string dataDirectory)
    {
        // postmaster.pid: line 4 is the port.
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
    }

    private static string SocketDirectory(string dataDirectory) =>
        // Unix socket paths are limited to ~107 bytes; fall back to /tmp for deep checkouts.
        dataDirectory.Length < 80 ? dataDirectory : Path.GetTempPath().TrimEnd('/');

    private static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    /// <summary>
    /// Where the cluster of <paramref name="dataDirectory"/> can live. As root the server runs as the
    /// <c>postgres</c> user, which cannot enter a clone under a private directory (root's home is mode 700):
    /// then the cluster lives under <paramref name="fallbackRoot"/> instead, in a directory named after the
    /// wanted path (so each clone keeps its own cluster across restarts). Nobody's permissions are widened.
    /// </summary>
    public static string Place(string dataDirectory, string fallbackRoot)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        if (!RunAsServiceUser || File.Exists(Path.Combine(dataDirectory, "PG_VERSION")) || ServiceUserCanEnter(parent))
        {
            return dataDirectory;
        }

        var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..16];
        var placed = Path.Combine(Path.GetFullPath(fallbackRoot), name, "postgres");
        Directory.CreateDirectory(Path.GetDirectoryName(placed)!);
        if (!ServiceUserCanEnter(Path.GetDirectoryName(placed)!))
        {
            throw new LocalClusterException(
                $"The postgres user can enter neither {parent} nor {Path.GetDirectoryName(placed)}: set LocalDatabase:FallbackDirectory to a directory it can enter, or ConnectionStrings:LicenseManager to an existing server.");
        }

        return placed;
    }

    private static bool ServiceUserCanEnter(string directory) => RunTool("runuser", $"-u postgres -- test -x \"{directory}\"") == 0;

    private static int RunTool(string tool, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalClusterException($"`{tool}` is missing; as root the local cluster runs as the postgres user through it (Debian: util-linux).");
        }
    }

    private void HandToServiceUser()
    {
        if (!RunAsServiceUser)
        {
            return;
        }

        if (RunTool("id", "-u postgres") != 0)
        {
            throw new LocalClusterException(
                "As root the local cluster runs as the postgres user, which does not exist: create it (`useradd --system --home-dir /var/lib/postgresql postgres`) or run as another user.");
        }

        if (RunTool("chown", $"-R postgres:postgres \"{DataDirectory}\"") != 0)
        {
            throw new LocalClusterException($"Could not hand {DataDirectory} to the postgres user (chown failed): check that the file system allows it.");
        }
    }

    private async Task<int> RunAsync(string tool, string arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var start = RunAsServiceUser
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{executable}\" {arguments}")
            : new ProcessStartInfo(executable, arguments);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl's server inherits the pipes; read only what pg_ctl itself wrote, without waiting for EOF.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var log = Path.Combine(DataDirectory, "server.log");
            var errorText = stderr.IsCompleted ? await stderr : string.Empty;
            var outText = stdout.IsCompleted ? await stdout : string.Empty;
            var firstLine = $"{errorText}\n{outText}".Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
            throw new LocalClusterException(
                $"{tool} failed (exit code {process.ExitCode}) for the local cluster in {DataDirectory}: {firstLine}" +
                (File.Exists(log) ? $" (server log: {log})" : string.Empty));
        }

        return process.ExitCode;
    }
}
