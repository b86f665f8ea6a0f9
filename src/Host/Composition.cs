using LicenseManager.Catalog;
using LicenseManager.Identity;
using LicenseManager.Licenses;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Mail;
using LicenseManager.Platform.Modules;
using LicenseManager.Subscriptions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

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
        // First hosted service: the modules' hosted services (Data Protection's key ring, token pruning) find a migrated database.
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrator>());
        services.AddMail(configuration);
        services.AddGqlKernel(configuration);
        services.AddModules(configuration, Modules());
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseLicenseManager(this WebApplication app)
    {
        // Behind a load balancer: the client's scheme and host, so OpenIddict sees HTTPS and builds the right URLs.
        app.UseForwardedHeaders();
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<IModule>>().OfType<IWebModule>())
        {
            module.UseWeb(app);
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGqlEndpoint();
        return app;
    }
}
