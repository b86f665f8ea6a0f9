using LicenseManager.Host.LocalDatabase;
using LicenseManager.Host.Security;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Data;

namespace LicenseManager.Host.Commands;

/// <summary><c>users add</c>, <c>clients add</c>, <c>seed-demo</c> (these need the database) and <c>certs generate</c>.</summary>
internal static class IdentityCommands
{
    public static async Task<int> AddUserAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var user = new NewUser(
            Required(options, "--email"), Required(options, "--password"), Required(options, "--role"), Enterprise(options));
        return await WithDatabaseAsync(services, output, (admin, ct) => admin.AddUserAsync(user, ct));
    }

    public static async Task<int> AddClientAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var scopes = options.TryGetValue("--scopes", out var s) ? s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) : [];
        var client = new NewClient(
            Required(options, "--client-id"), Required(options, "--secret"), Required(options, "--role"), Enterprise(options), scopes);
        return await WithDatabaseAsync(services, output, (admin, ct) => admin.AddClientAsync(client, ct));
    }

    public static async Task<int> SeedDemoAsync(IServiceProvider services, TextWriter output) =>
        await WithDatabaseAsync(services, output, async (admin, ct) =>
            DemoSeed.Describe(await admin.SeedDemoAsync(onlyIntoEmptyDatabase: false, ct)));

    public static int GenerateCertificates(IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        options.TryGetValue("--password", out var password);
        try
        {
            var (signing, encryption) = CertificateFiles.Generate(CommandLine.FromRepositoryRoot(Required(options, "--output")), password, TimeProvider.System);
            output.WriteLine($"Wrote {Path.GetFullPath(signing)} and {Path.GetFullPath(encryption)}.");
            output.WriteLine("Configure every instance with Auth:SigningCertificate:Path / Auth:EncryptionCertificate:Path (and :Password).");
            return 0;
        }
        catch (IOException exception)
        {
            throw new CommandException(exception.Message);
        }
    }

    /// <summary>Starts the local cluster when no connection string is configured, migrates, then runs <paramref name="action"/>.</summary>
    private static async Task<int> WithDatabaseAsync(IServiceProvider services, TextWriter output, Func<IIdentityAdministration, CancellationToken, Task<string>> action)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var cancellationToken = lifetime.ApplicationStopping;
        await using var cluster = await LocalCluster.EnsureAsync(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), lifetime,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("LicenseManager.Host.Commands"));
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await output.WriteLineAsync(await action(scope.ServiceProvider.GetRequiredService<IIdentityAdministration>(), cancellationToken));
            return 0;
        }
        catch (IdentityAdministrationException exception)
        {
            throw new CommandException(exception.Message);
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandException($"Option '{name}' is required.");

    private static Guid? Enterprise(IReadOnlyDictionary<string, string> options) =>
        !options.TryGetValue("--enterprise", out var value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new CommandException($"--enterprise must be a UUID; '{value}' is not.");
}
