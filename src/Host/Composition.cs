using LicenseManager.Catalog;
using LicenseManager.Identity;
using LicenseManager.Licenses;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Modules;
using LicenseManager.Subscriptions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LicenseManager.Host;

/// <summary>Composes the modules, the GraphQL kernel and HTTP. The one place that knows every module.</summary>
public static class Composition
{
    /// <summary>Every module, providers before consumers. Order is registration and migration order.</summary>
    public static IModule[] Modules() =>
    [
        new IdentityModule(),
        new CatalogModule(),
        new SubscriptionsModule(),
        new LicensesModule(),
    ];

    public static IServiceCollection AddLicenseManager(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase();
        services.AddGqlKernel(configuration);
        services.AddModules(configuration, Modules());
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseLicenseManager(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGqlEndpoint();
        return app;
    }
}
