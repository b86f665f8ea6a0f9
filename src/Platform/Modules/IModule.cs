using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Modules;

/// <summary>
/// A plugin of the modular monolith. The Host holds one explicit, ordered list of modules
/// (providers before consumers) and calls <see cref="AddServices"/> on each enabled one.
/// A module registers its DbContext (which also registers its migrations, run in module order),
/// its GraphQL type extensions and its Contracts implementations.
/// </summary>
public interface IModule
{
    /// <summary>The module's name, used in configuration (<c>Modules:{Name}:Enabled</c>) and logs.</summary>
    string Name { get; }

    /// <summary>Registers the module's services.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The administrative commands the module contributes (the Host's help lists their usage lines).</summary>
    IEnumerable<ModuleCommand> Commands => [];

    /// <summary>
    /// Adds the module's part of the demo data (after the modules before it), idempotently; with
    /// <paramref name="onlyIntoEmptyDatabase"/> only when the module has no data yet. Returns lines to print, or null.
    /// </summary>
    Task<string?> SeedDemoAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
