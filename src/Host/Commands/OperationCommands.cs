using LicenseManager.Host.LocalDatabase;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Persisted;
using Microsoft.Extensions.Options;

namespace LicenseManager.Host.Commands;

/// <summary>
/// <c>operations import &lt;file&gt;</c>; the work is the Platform's <see cref="OperationImport"/>, this only wires it
/// (to move behind the modules' command contract once that exists).
/// </summary>
internal static class OperationCommands
{
    public static async Task<int> ImportAsync(IServiceProvider services, string file, TextWriter output)
    {
        var path = CommandLine.FromRepositoryRoot(file);
        if (!File.Exists(path))
        {
            throw new CommandException($"No manifest at '{path}'.");
        }

        if (!services.GetRequiredService<IOptions<PersistedOperationsOptions>>().Value.Enabled)
        {
            throw new CommandException("Persisted operations are switched off (GraphQL:PersistedOperations:Enabled=false).");
        }
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var cancellationToken = lifetime.ApplicationStopping;
        await using var cluster = await LocalCluster.EnsureAsync(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), lifetime,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("LicenseManager.Host.Commands"));
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        try
        {
            await output.WriteLineAsync(await services.GetRequiredService<OperationImport>().ImportAsync(path, cancellationToken));
            return 0;
        }
        catch (ManifestException exception)
        {
            throw new CommandException($"Nothing was imported:{Environment.NewLine}{exception.Message}");
        }
    }
}
