using LicenseManager.Host;
using LicenseManager.Host.Commands;
using LicenseManager.Host.LocalDatabase;
using LicenseManager.Host.Security;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Data;

var (command, hostArgs) = CommandLine.Split(args);

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
    // Kept across restarts so that tokens issued before a restart stay valid.
    CertificateFiles.UseLocalPair(builder.Configuration, repositoryRoot, TimeProvider.System);
}

builder.Services.AddLicenseManager(builder.Configuration);
var app = builder.Build();

if (command.Count > 0)
{
    try
    {
        return await CommandLine.RunAsync(app, command, Console.Out, Console.Error);
    }
    catch (LocalClusterException exception)
    {
        await Console.Error.WriteLineAsync(exception.Message);
        return 1;
    }
}

// With no connection string configured, run on our own PostgreSQL cluster under .data/postgres.
await using var localCluster = await LocalCluster.EnsureAsync(app.Configuration, app.Environment, app.Lifetime, app.Logger);

app.UseLicenseManager();
if (useLocalCluster && app.Environment.IsDevelopment())
{
    // Migrations run when the host starts; the demo is seeded once, into an empty database (elsewhere: `seed-demo`).
    app.Lifetime.ApplicationStarted.Register(() => _ = SeedDemoAsync(app));
}

await app.RunAsync();
return 0;

static async Task SeedDemoAsync(WebApplication app)
{
    try
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IIdentityAdministration>()
            .SeedDemoAsync(onlyIntoEmptyDatabase: true, app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("{Demo}", DemoSeed.Describe(result));
    }
    catch (Exception exception) when (exception is not OperationCanceledException)
    {
        app.Logger.LogError(exception, "Seeding the demo accounts failed; run `seed-demo` to retry");
    }
}

/// <summary>Entry point, public so that integration tests can host it.</summary>
public partial class Program;
