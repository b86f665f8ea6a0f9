using LicenseManager.Host;
using LicenseManager.Host.Commands;
using LicenseManager.Host.LocalDatabase;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.Options;
using Npgsql;

var (command, hostArgs) = CommandLine.Split(args);
try
{
    var builder = WebApplication.CreateBuilder(hostArgs);
    var repositoryRoot = LocalCluster.RepositoryRoot(builder.Environment.ContentRootPath);
    var isLocalDefault = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseConnection.ConnectionStringName));
    // Outside Development nothing local is assumed: no cluster, no demo accounts, no password grant unless configured.
    var useLocalCluster = isLocalDefault && LocalCluster.IsAllowed(builder.Configuration, builder.Environment);
    if (command.Count == 0 && isLocalDefault && !useLocalCluster)
    {
        await Console.Error.WriteLineAsync(LocalCluster.NotAllowedMessage(builder.Environment));
        return 1;
    }

    builder.Configuration["Mail:PickupDirectory"] ??= Path.Combine(repositoryRoot, ".data", "mail");
    if (command.Count == 0 && (builder.Environment.IsDevelopment() || (isLocalDefault && !builder.Environment.IsProduction())))
    {
        // Identity keeps a certificate pair there, across restarts, so that tokens issued before a restart stay valid.
        builder.Configuration["Auth:LocalCertificatesDirectory"] ??= Path.Combine(repositoryRoot, ".data", "certs");
    }

    builder.Services.AddLicenseManager(builder.Configuration);
    var app = builder.Build();

    if (command.Count > 0)
    {
        return await CommandLine.RunAsync(app.Services, command, Console.Out, Console.Error);
    }

    // Configuration problems are found before anything starts, as one line (not a "Hosting failed to start" stack trace).
    app.Services.GetService<IStartupValidator>()?.Validate();

    // With no connection string configured, run on our own PostgreSQL cluster under .data/postgres.
    await using var localCluster = await LocalCluster.EnsureAsync(app.Configuration, app.Environment, app.Lifetime, app.Logger);
    if (app.Services.GetServices<ModuleMigration>().Any())
    {
        // Startup migrates, which needs the database: an unreachable one is one line here, not a "Hosting failed to start" stack trace.
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(app.Lifetime.ApplicationStopping);
    }

    app.UseLicenseManager();
    if (useLocalCluster && app.Environment.IsDevelopment())
    {
        // Migrations run when the host starts; the demo is seeded once, into an empty database (elsewhere: `seed-demo`).
        app.Lifetime.ApplicationStarted.Register(() => _ = SeedDemoAsync(app));
    }

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is LocalClusterException or OptionsValidationException or NpgsqlException or CommandException
    || (exception is IOException && exception is not FileNotFoundException))
{
    // Expected failures (configuration, the database, the local cluster, a port in use): one line with the fix, no stack trace.
    Console.Error.WriteLine(CommandLine.OneLine(exception));
    return 1;
}

static async Task SeedDemoAsync(WebApplication app)
{
    try
    {
        var modules = app.Services.GetRequiredService<IReadOnlyList<IModule>>();
        app.Logger.LogInformation("{Demo}", await DemoData.SeedAsync(app.Services, modules, onlyIntoEmptyDatabase: true, app.Lifetime.ApplicationStopping));
    }
    catch (Exception exception) when (exception is not OperationCanceledException)
    {
        app.Logger.LogError(exception, "Seeding the demo data failed; run `seed-demo` to retry");
    }
}

/// <summary>Entry point, public so that integration tests can host it.</summary>
public partial class Program;
