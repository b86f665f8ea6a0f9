using System.Reflection;
using GraphQL.Types;
using LicenseManager.Host.LocalDatabase;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Modules;

namespace LicenseManager.Host.Commands;

/// <summary>
/// Administrative commands, like Django's manage.py: <c>dotnet run --project src/Host -- &lt;command&gt;</c>.
/// The Host owns <c>schema export</c>, <c>seed-demo</c> and <c>help</c>; every other command comes from a
/// module (<see cref="IModule.Commands"/>) and is only dispatched here. Every failure is one line on stderr
/// and a non-zero exit code: 2 for bad input (with the usage), 1 for anything else.
/// </summary>
public static class CommandLine
{
    /// <summary>Separates a leading command (words before the first option) from host arguments.</summary>
    public static (IReadOnlyList<string> Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return ([], args);
        }

        return (args, []);
    }

    public static string Usage(IEnumerable<ModuleCommand> commands)
    {
        var lines = new List<string>
        {
            "Usage: dotnet run --project src/Host -- <command> [options]",
            string.Empty,
            "Commands:",
        };
        foreach (var command in commands)
        {
            lines.Add($"  {command.Words} {command.Usage}".TrimEnd());
            lines.Add($"      {command.Description}");
        }

        lines.Add(string.Empty);
        lines.Add("Commands that need the database use ConnectionStrings:LicenseManager, or the local cluster under .data/postgres.");
        lines.Add(string.Empty);
        lines.Add("Without a command the API is served.");
        return string.Join(Environment.NewLine, lines);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> command, TextWriter output, TextWriter error)
    {
        var commands = Commands(services);
        try
        {
            var match = commands
                .Select(c => (Command: c, Words: c.Words.Split(' ')))
                .Where(c => c.Words.Length <= command.Count && c.Words.SequenceEqual(command.Take(c.Words.Length)))
                .OrderByDescending(c => c.Words.Length)
                .FirstOrDefault();
            if (match.Command is null)
            {
                if (command is ["help" or "--help" or "-h"])
                {
                    await output.WriteLineAsync(Usage(commands));
                    return 0;
                }

                throw new CommandException($"Unknown command '{string.Join(' ', command)}'.");
            }

            var rest = command.Skip(match.Words.Length).ToList();
            if (rest is [var bare] && !bare.StartsWith("--", StringComparison.Ordinal) && match.Command.Options is [var only])
            {
                // A command with a single option takes its value bare too: `operations import manifest.json`.
                rest = [only, bare];
            }

            var options = CommandOptions.Parse(rest, match.Command.Options);
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            await using var cluster = match.Command.NeedsDatabase ? await StartDatabaseAsync(services, lifetime) : null;
            await using var scope = services.CreateAsyncScope();
            var context = new CommandContext(scope.ServiceProvider, options, FromRepositoryRoot, lifetime.ApplicationStopping);
            await output.WriteLineAsync(await match.Command.RunAsync(context));
            return 0;
        }
        catch (CommandException exception)
        {
            await error.WriteLineAsync(OneLine(exception));
            await error.WriteLineAsync();
            await error.WriteLineAsync(Usage(commands));
            return 2;
        }
        catch (Exception exception) when (exception is not HostAbortedException)
        {
            // Configuration problems, an unreachable database, a cluster that cannot start: one line, no stack trace.
            await error.WriteLineAsync(OneLine(exception));
            return 1;
        }
    }

    /// <summary>An exception as one line: the innermost meaningful message, newlines folded.</summary>
    public static string OneLine(Exception exception)
    {
        while (exception is TargetInvocationException or AggregateException or TypeInitializationException && exception.InnerException is not null)
        {
            exception = exception.InnerException!;
        }

        var message = string.Join(' ', exception.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return exception is CommandException or LocalClusterException ? message : $"{exception.GetType().Name}: {message}";
    }

    /// <summary>
    /// <c>dotnet run --project src/Host</c> runs in the project's folder, so a relative path given on the
    /// command line means the checkout's root, where the README's commands are typed.
    /// </summary>
    public static string FromRepositoryRoot(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(LocalCluster.RepositoryRoot(Directory.GetCurrentDirectory()), path);

    /// <summary>The Host's own commands, then every enabled module's, in module order.</summary>
    private static List<ModuleCommand> Commands(IServiceProvider services)
    {
        var modules = services.GetRequiredService<IReadOnlyList<IModule>>();
        return
        [
            new("schema export", "[--output <file>]", "Print the GraphQL schema (SDL), or write it to <file> (relative to the repository root).",
                ["--output"], NeedsDatabase: false, context => ExportSchemaAsync(context)),
            OperationCommands.Import,
            new("seed-demo", string.Empty, "Create every module's demo data (idempotent).",
                [], NeedsDatabase: true, context => DemoData.SeedAsync(context.Services, modules, onlyIntoEmptyDatabase: false, context.CancellationToken)),
            .. modules.SelectMany(m => m.Commands),
        ];
    }

    /// <summary>Starts the local cluster when no connection string is configured, then migrates.</summary>
    private static async Task<LocalCluster> StartDatabaseAsync(IServiceProvider services, IHostApplicationLifetime lifetime)
    {
        var cluster = await LocalCluster.EnsureAsync(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), lifetime,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("LicenseManager.Host.Commands"));
        try
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(lifetime.ApplicationStopping);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> ExportSchemaAsync(CommandContext context)
    {
        var sdl = SchemaExport.Print(context.Services.GetRequiredService<ISchema>());
        if (context.Optional("--output") is not { } path)
        {
            return sdl.TrimEnd('\n');
        }

        path = context.ResolvePath(path);
        await File.WriteAllTextAsync(path, sdl, context.CancellationToken);
        return $"Schema written to {Path.GetFullPath(path)}";
    }
}
