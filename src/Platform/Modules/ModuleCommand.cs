namespace LicenseManager.Platform.Modules;

/// <summary>
/// An administrative command a module contributes (<c>dotnet run --project src/Host -- users add --email …</c>).
/// The Host lists its usage line in the help and dispatches to it; it knows no module's commands by name.
/// </summary>
/// <param name="Words">The command words, e.g. <c>users add</c>.</param>
/// <param name="Usage">The options as shown in the help, e.g. <c>--email &lt;email&gt; [--enterprise &lt;uuid&gt;]</c>.</param>
/// <param name="Description">One line on what it does.</param>
/// <param name="Options">The option names it accepts (anything else is refused before it runs).</param>
/// <param name="NeedsDatabase">Whether the Host must start the local cluster (when no connection string is configured) and migrate first.</param>
/// <param name="RunAsync">Does the work; returns what to print. Throw <see cref="CommandException"/> for bad input.</param>
public sealed record ModuleCommand(
    string Words,
    string Usage,
    string Description,
    IReadOnlyList<string> Options,
    bool NeedsDatabase,
    Func<CommandContext, Task<string>> RunAsync);

/// <summary>What a command gets: its parsed options, a service scope, where relative paths point, and cancellation.</summary>
public sealed class CommandContext(
    IServiceProvider services, IReadOnlyDictionary<string, string> options, Func<string, string> resolvePath, CancellationToken cancellationToken)
{
    public IServiceProvider Services { get; } = services;

    public IReadOnlyDictionary<string, string> Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A path from the command line: relative ones mean the checkout's root, where the README's commands are typed.</summary>
    public string ResolvePath(string path) => resolvePath(path);

    public string Required(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CommandException($"Option '{name}' is required.");

    public string? Optional(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public Guid? OptionalGuid(string name) =>
        Optional(name) is not { } value ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new CommandException($"{name} must be a UUID; '{value}' is not.");
}

/// <summary>Bad command-line input or a refused command: printed as one line (with the usage), non-zero exit.</summary>
public sealed class CommandException(string message) : Exception(message);

/// <summary>Parses <c>--name value</c> pairs, refusing unknown or valueless options.</summary>
public static class CommandOptions
{
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> args, IReadOnlyList<string> allowed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                throw new CommandException(allowed.Count == 0
                    ? $"Unknown option '{name}'; this command takes none."
                    : $"Unknown option '{name}'. Allowed: {string.Join(", ", allowed)}.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandException($"Option '{name}' needs a value.");
            }

            if (!result.TryAdd(name, args[++i]))
            {
                throw new CommandException($"Option '{name}' is given more than once.");
            }
        }

        return result;
    }
}
