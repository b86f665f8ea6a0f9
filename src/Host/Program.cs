using LicenseManager.Host;
using LicenseManager.Host.Commands;
using LicenseManager.Host.LocalDatabase;

var (command, hostArgs) = CommandLine.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.Services.AddLicenseManager(builder.Configuration);
var app = builder.Build();

if (command.Count > 0)
{
    return await CommandLine.RunAsync(app, command, Console.Out, Console.Error);
}

// With no connection string configured, run on our own PostgreSQL cluster under .data/postgres.
await using var localCluster = await LocalCluster.EnsureAsync(app.Configuration, app.Environment, app.Lifetime, app.Logger);

app.UseLicenseManager();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that integration tests can host it.</summary>
public partial class Program;
