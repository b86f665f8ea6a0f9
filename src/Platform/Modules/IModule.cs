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
}
