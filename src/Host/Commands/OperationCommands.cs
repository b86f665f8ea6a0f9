using LicenseManager.Platform.Gql.Persisted;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.Options;

namespace LicenseManager.Host.Commands;

/// <summary>
/// <c>operations import &lt;file&gt;</c>: the kernel's command (like <c>schema export</c>, not a module's). The work is
/// the Platform's <see cref="OperationImport"/>; this is only its command-line entry.
/// </summary>
internal static class OperationCommands
{
    public static ModuleCommand Import => new(
        "operations import",
        "<file> (or --file <file>; relative to the repository root)",
        "Store the operations of a Relay ({ \"<id>\": \"<text>\" }) or Apollo persisted query list manifest; ids must be MD5 or SHA-256 hex of the text.",
        ["--file"],
        NeedsDatabase: true,
        ImportAsync);

    private static async Task<string> ImportAsync(CommandContext context)
    {
        if (!context.Services.GetRequiredService<IOptions<PersistedOperationsOptions>>().Value.Enabled)
        {
            throw new CommandException("Persisted operations are switched off (GraphQL:PersistedOperations:Enabled=false).");
        }

        var path = context.ResolvePath(context.Required("--file"));
        if (!File.Exists(path))
        {
            throw new CommandException($"No manifest at '{path}'.");
        }

        try
        {
            return await context.Services.GetRequiredService<OperationImport>().ImportAsync(path, context.CancellationToken);
        }
        catch (ManifestException exception)
        {
            throw new CommandException($"Nothing was imported: {string.Join(" ", exception.Problems)}");
        }
    }
}
