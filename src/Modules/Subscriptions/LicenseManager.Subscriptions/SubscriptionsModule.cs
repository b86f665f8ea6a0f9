using LicenseManager.Platform.Data;
using LicenseManager.Platform.Modules;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Terms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions;

public sealed class SubscriptionsModule : IModule
{
    public string Name => "Subscriptions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SubscriptionsDbContext>(SubscriptionsDbContext.Schema);
        services.AddSingleton<IEnterpriseDirectory, EnterpriseDirectory>();
        services.AddSingleton<IPlanTerms, PlanTermsReader>();
    }
}
