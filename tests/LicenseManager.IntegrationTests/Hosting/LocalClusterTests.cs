using LicenseManager.Host.LocalDatabase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LicenseManager.IntegrationTests.Hosting;

/// <summary>
/// The README's first command starts a local cluster from wherever the clone is, e.g. inside root's home
/// (mode 700), which the postgres user the server runs as cannot enter.
/// </summary>
public sealed class LocalClusterTests
{
    [Fact]
    public async Task Start_CloneInsideAPrivateDirectory_StartsAndServes()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "lm-test-private", Guid.NewGuid().ToString("N"));
        var home = Path.Combine(scratch, "home");
        var clone = Path.Combine(home, "license-manager");
        var fallback = Path.Combine(scratch, "fallback");
        Directory.CreateDirectory(Path.Combine(clone, "src", "Host"));
        await File.WriteAllTextAsync(Path.Combine(clone, "LicenseManager.sln"), string.Empty);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // like /root
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalDatabase:Port"] = PostgresCluster.FreePort().ToString(),
            ["LocalDatabase:FallbackDirectory"] = fallback,
        }).Build();
        var environment = new HostingEnvironment { ContentRootPath = Path.Combine(clone, "src", "Host"), EnvironmentName = "Development" };
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        try
        {
            await using (var cluster = await LocalCluster.EnsureAsync(configuration, environment, lifetime, NullLogger.Instance))
            {
                await using var connection = new NpgsqlConnection(configuration.GetConnectionString("LicenseManager"));
                await connection.OpenAsync();
                await using var select = new NpgsqlCommand("SELECT current_database()", connection);
                (await select.ExecuteScalarAsync()).ShouldBe(LocalCluster.DatabaseName);
                if (Environment.IsPrivilegedProcess)
                {
                    // As root the server runs as postgres, which cannot enter the private home: the cluster lives elsewhere.
                    cluster.DataDirectory.ShouldStartWith(fallback);
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
