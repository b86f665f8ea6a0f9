using LicenseManager.Host.LocalDatabase;
using LicenseManager.Host.Security;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Data;

namespace LicenseManager.Host.Commands;

/// <summary><c>users add</c>, <c>clients add</c>, <c>seed-demo</c> (these need the database) and <c>certs generate</c>.</summary>
internal static class IdentityCommands
{
    public static async Task<int> AddUserAsync(WebApplication app, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var user = new NewUser(
            Required(options, "--email"), Required(options, "--password"), Required(options, "--role"), Enterprise(options));
        return await WithDatabaseAsync(app, output, (admin, ct) => admin.AddUserAsync(user, ct));
    }

    public static async Task<int> AddClientAsync(WebApplication app, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var scopes = options.TryGetValue("--scopes", out var s) ? s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) : [];
        var client = new NewClient(
            Required(options, "--client-id"), Required(options, "--secret"), Required(options, "--role"), Enterprise(options), scopes);
        return await WithDatabaseAsync(app, output, (admin, ct) => admin.AddClientAsync(client, ct));
    }

    public static async Task<int> SeedDemoAsync(WebApplication app, TextWriter output) =>
        await WithDatabaseAsync(app, output, async (admin, ct) =>
            DemoSeed.Describe(await admin.SeedDemoAsync(onlyIntoEmptyDatabase: false, ct)));

    public static int GenerateCertificates(IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        options.TryGetValue("--password", out var password);
        try
        {
            var (signing, encryption) = CertificateFiles.Generate(Required(options, "--output"), password, TimeProvider.System);
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
    private static async Task<int> WithDatabaseAsync(WebApplication app, TextWriter output, Func<IIdentityAdministration, CancellationToken, Task<string>> action)
    {
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await using var cluster = await LocalCluster.EnsureAsync(app.Configuration, app.Environment, app.Lifetime, app.Logger);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
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
