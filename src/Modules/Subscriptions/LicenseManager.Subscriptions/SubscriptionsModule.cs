using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Platform.Modules;
using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Demo;
using LicenseManager.Subscriptions.Gql;
using LicenseManager.Subscriptions.Mutations;
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
        services.AddQueryExtension<SubscriptionQueries>();
        services.AddMutationExtension<SubscriptionMutations>();
        services.AddObjectTypeExtension<LicensePlanExtension>();
        services.AddSingleton<INodeResolver, CustomerAgreementNodeResolver>();
        services.AddSingleton<INodeResolver, SubscriptionPlanNodeResolver>();
        services.AddSingleton<INodeResolver, SubscriptionPlanRenewalNodeResolver>();
        services.AddSingleton<INodeResolver, ProductNodeResolver>();
        services.AddSingleton<INodeResolver, PlanTypeNodeResolver>();
    }

    /// <summary>The demo enterprise's agreement and a plan of 100 licenses (see <see cref="DemoSubscriptions"/>).</summary>
    public Task<string?> SeedDemoAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken) =>
        DemoSeed.SeedAsync(services, onlyIntoEmptyDatabase, cancellationToken);
}
