using GraphQL.Types;
using LicenseManager.Host.LocalDatabase;
using LicenseManager.Platform.Gql;

namespace LicenseManager.Host.Commands;

/// <summary>
/// Administrative commands, like Django's manage.py: <c>dotnet run --project src/Host -- &lt;command&gt;</c>.
/// Each exits non-zero with a message on bad input.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project src/Host -- <command> [options]

        Commands:
          schema export [--output <file>]   Print the GraphQL schema (SDL), or write it to <file>
                                            (relative to the repository root).
          users add --email <email> --password <password> --role operator|enterprise_admin|learner [--enterprise <uuid>]
                                            Add a verified user (or add the role to an existing one).
          clients add --client-id <id> --secret <secret> --role partner|provisioning|operator [--enterprise <uuid>] [--scopes "api ..."]
                                            Add (or update) a client-credentials service client.
          operations import <file>          Store the operations of a Relay ({ "<id>": "<text>" }) or Apollo
                                            persisted query list manifest; ids must be MD5 or SHA-256 hex of the text.
          seed-demo                         Create the demo operator, enterprise admin and learner (idempotent).
          certs generate --output <dir> [--password <pfx password>]   (relative to the repository root)
                                            Write a signing + encryption certificate pair for Auth:*Certificate.

        Commands that need the database use ConnectionStrings:LicenseManager, or the local cluster under .data/postgres.

        Without a command the API is served.
        """;

    /// <summary>Separates a leading command (words before the first option) from host arguments.</summary>
    public static (IReadOnlyList<string> Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return ([], args);
        }

        return (args, []);
    }

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> command, TextWriter output, TextWriter error) =>
        await RunAsync(app.Services, command, output, error);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> command, TextWriter output, TextWriter error)
    {
        try
        {
            return command.ToArray() switch
            {
                ["schema", "export", .. var rest] => await ExportSchemaAsync(services, Options.Parse(rest, "--output"), output),
                ["users", "add", .. var rest] => await IdentityCommands.AddUserAsync(
                    services, Options.Parse(rest, "--email", "--password", "--role", "--enterprise"), output),
                ["clients", "add", .. var rest] => await IdentityCommands.AddClientAsync(
                    services, Options.Parse(rest, "--client-id", "--secret", "--role", "--enterprise", "--scopes"), output),
                ["operations", "import", var file] => await OperationCommands.ImportAsync(services, file, output),
                ["seed-demo"] => await IdentityCommands.SeedDemoAsync(services, output),
                ["certs", "generate", .. var rest] => IdentityCommands.GenerateCertificates(Options.Parse(rest, "--output", "--password"), output),
                ["help" or "--help" or "-h"] => Help(output),
                _ => throw new CommandException($"Unknown command '{string.Join(' ', command)}'."),
            };
        }
        catch (CommandException exception)
        {
            return await FailAsync(exception, error);
        }
    }

    private static async Task<int> FailAsync(CommandException exception, TextWriter error)
    {
        await error.WriteLineAsync(exception.Message);
        await error.WriteLineAsync();
        await error.WriteLineAsync(Usage);
        return 2;
    }

    /// <summary>
    /// <c>dotnet run --project src/Host</c> runs in the project's folder, so a relative path given on the
    /// command line means the checkout's root, where the README's commands are typed.
    /// </summary>
    public static string FromRepositoryRoot(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(LocalCluster.RepositoryRoot(Directory.GetCurrentDirectory()), path);

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    private static async Task<int> ExportSchemaAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var sdl = SchemaExport.Print(services.GetRequiredService<ISchema>());
        if (options.TryGetValue("--output", out var path))
        {
            path = FromRepositoryRoot(path);
            await File.WriteAllTextAsync(path, sdl);
            await output.WriteLineAsync($"Schema written to {Path.GetFullPath(path)}");
        }
        else
        {
            await output.WriteAsync(sdl);
        }

        return 0;
    }
}

/// <summary>Bad command-line input: printed with the usage, exit code 2.</summary>
public sealed class CommandException(string message) : Exception(message);
