using LicenseManager.Catalog.Contracts;
using LicenseManager.Catalog.Data;
using LicenseManager.Catalog.Gql;
using LicenseManager.Catalog.Membership;
using LicenseManager.Catalog.Mutations;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog;

public sealed class CatalogModule : IModule
{
    public string Name => "Catalog";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Every Catalog query is asynchronous: it may ride the multiplexed source (the entitlement check's path).
        services.AddModuleDbContext<CatalogDbContext>(CatalogDbContext.Schema, multiplexed: true);
        services.AddQueryExtension<CatalogQueries>();
        services.AddMutationExtension<CatalogMutations>();
        services.AddSingleton<INodeResolver, CatalogNodeResolver>();
        services.AddSingleton<INodeResolver, ContentItemNodeResolver>();
        services.AddSingleton<ICatalogMembership, CatalogMembership>();
        services.AddSingleton<ICatalogDirectory, CatalogDirectory>();
    }
}
