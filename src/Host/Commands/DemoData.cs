using LicenseManager.Platform.Modules;

namespace LicenseManager.Host.Commands;

/// <summary>Every module's part of the demo, in module order (providers before consumers).</summary>
public static class DemoData
{
    public static async Task<string> SeedAsync(
        IServiceProvider services, IEnumerable<IModule> modules, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var module in modules)
        {
            if (await module.SeedDemoAsync(services, onlyIntoEmptyDatabase, cancellationToken) is { Length: > 0 } text)
            {
                lines.Add(text);
            }
        }

        return lines.Count == 0 ? "No module has demo data." : string.Join(Environment.NewLine, lines);
    }
}
