using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Modules;

/// <summary>Registers an ordered list of modules, skipping those switched off by configuration.</summary>
public static class ModuleRegistration
{
    public static IReadOnlyList<IModule> AddModules(
        this IServiceCollection services, IConfiguration configuration, params IModule[] modules)
    {
        var enabled = new List<IModule>();
        foreach (var module in modules)
        {
            if (!IsEnabled(configuration, module.Name))
            {
                continue;
            }

            module.AddServices(services, configuration);
            enabled.Add(module);
        }

        services.AddSingleton<IReadOnlyList<IModule>>(enabled);
        return enabled;
    }

    public static bool IsEnabled(IConfiguration configuration, string moduleName) =>
        configuration.GetValue($"Modules:{moduleName}:Enabled", defaultValue: true);
}
