using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Mutations;
using LicenseManager.Licenses.Pool;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses;

public sealed class LicensesModule : IModule
{
    public string Name => "Licenses";

    /// <summary>
    /// seed-demo: the demo learner's activated license in the demo enterprise's current plan (after Subscriptions
    /// seeded the plan). Same shape as the other modules' demo seeds, for the Host's seed-demo to call.
    /// </summary>
    public Task<string?> SeedDemoAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken) =>
        Demo.LicensesDemoSeed.SeedAsync(services, cancellationToken);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LicensesDbContext>(LicensesDbContext.Schema);
        services.AddSingleton<LicensePool>();
        services.AddSingleton<ILicensePool>(sp => sp.GetRequiredService<LicensePool>());
        services.AddSingleton<ILicenseCounts, LicenseCountsReader>();
        services.AddQueryExtension<LicenseQueries>();
        services.AddQueryExtension<ContentAccessQuery>();
        services.Configure<LicensesOptions>(configuration.GetSection("Licenses"));
        services.AddSingleton<LearnerLicenses>();
        services.AddSingleton<Entitlements>();
        services.AddMutationExtension<LicenseMutations>();
        services.AddObjectTypeExtension<PlanLicensesExtension>();
        services.AddObjectTypeExtension<ViewerLicensesExtension>();
        services.AddSingleton<INodeResolver, LicenseNodeResolver>();
    }
}
