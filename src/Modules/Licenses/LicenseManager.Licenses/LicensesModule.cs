using LicenseManager.Licenses.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Pool;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses;

public sealed class LicensesModule : IModule
{
    public string Name => "Licenses";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LicensesDbContext>(LicensesDbContext.Schema);
        services.AddSingleton<LicensePool>();
        services.AddSingleton<ILicensePool>(sp => sp.GetRequiredService<LicensePool>());
        services.AddSingleton<ILicenseCounts, LicenseCountsReader>();
    }
}
