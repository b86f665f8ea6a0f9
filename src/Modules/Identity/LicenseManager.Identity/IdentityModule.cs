using LicenseManager.Identity.Accounts;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Administration;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using LicenseManager.Identity.Gql;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseManager.Identity;

/// <summary>
/// The OAuth2/OpenID Connect server for every caller and the source of "who is asking" (<see cref="ICurrentActor"/>).
/// </summary>
public sealed class IdentityModule : IWebModule
{
    private const string CorsPolicy = "portals";

    public string Name => "Identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        CertificateFiles.UseLocalPair(configuration, TimeProvider.System);
        services.AddModuleDbContext<IdentityDbContext>(IdentityDbContext.Schema);
        // Runs right after the identity migrations, under the same lock.
        services.AddSingleton(new ModuleMigration(IdentityDbContext.Schema, typeof(BuiltInClients), BuiltInClients.EnsureAsync));
        OpenIddictSetup.AddAuth(services, configuration);
        SignInRateLimits.Add(services);

        services.AddHttpContextAccessor();
        services.AddSingleton<AccessTokenCache>();
        // Built once per request: by /graphql's authentication (cached with the token), else from the principal.
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http
            ? http.Features.Get<CurrentActor>() ?? CurrentActor.From(http.User)
            : CurrentActor.Anonymous);
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<IRequestActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<IIdentityAdministration, IdentityAdministration>();
        services.AddSingleton<IEntitlementAssertions, EntitlementAssertions>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<AuthOptions>>((cors, auth) =>
            cors.AddPolicy(CorsPolicy, policy => policy.WithOrigins(auth.Value.CorsOrigins).AllowAnyHeader().AllowAnyMethod()));

        services.AddSingleton<ViewerType>();
        services.AddSingleton<ViewerEnterpriseType>();
        services.AddQueryExtension<ViewerQueries>();
    }

    public IEnumerable<ModuleCommand> Commands => IdentityCommands.All;

    public Task<string?> SeedDemoAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken) =>
        IdentityCommands.SeedDemoAsync(services, onlyIntoEmptyDatabase, cancellationToken);

    public void UseWeb(WebApplication app)
    {
        // First: a refused attempt reaches neither OpenIddict's client checks nor a password hash. Its 429 has no
        // CORS headers: what is limited (password and client-credentials grants, account pages) is not cross-origin.
        SignInRateLimits.Use(app);
        // Before authentication: OpenIddict answers /connect/token inside the authentication middleware.
        app.UseWhen(
            http => http.Request.Path.StartsWithSegments("/connect") || http.Request.Path.StartsWithSegments("/graphql"),
            branch => branch.UseCors(CorsPolicy));
        // /graphql takes bearer tokens only: a lean, cached path (GraphqlBearerAuthentication); everything else
        // (OpenIddict's endpoints, the account pages' cookie) goes through the authentication middleware.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/graphql"), branch => branch.Use(GraphqlBearerAuthentication.InvokeAsync));
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/graphql"), branch => branch.UseAuthentication());
        // UseAuthentication on a branch marks only the branch: without this WebApplication would add the whole
        // authentication middleware again at the front of the pipeline (before CORS, and for /graphql too).
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseAuthorization();

        app.MapPost("/connect/token", (HttpContext http, TokenEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http, AuthorizeEndpoint endpoint) => endpoint.AuthorizeAsync(http));
        app.MapMethods("/connect/logout", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)AuthorizeEndpoint.LogoutAsync);
        AccountEndpoints.Map(app);
    }
}
