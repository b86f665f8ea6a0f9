using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>The Host with the password grant on, a test portal client, mail kept in memory and the probe fields.</summary>
public class IdentityAppFactory : AppFactory
{
    public const string PortalClientId = "test-portal";
    public const string PortalRedirectUri = "https://portal.test/callback";
    public const string PublicBaseUrl = "https://id.license-manager.test";

    public InMemoryMailSender Mail { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:EnablePasswordFlow"] = "true",
        ["Auth:PublicBaseUrl"] = PublicBaseUrl,
        ["Auth:Portals:0:ClientId"] = PortalClientId,
        ["Auth:Portals:0:RedirectUris:0"] = PortalRedirectUri,
        ["Auth:Portals:0:PostLogoutRedirectUris:0"] = "https://portal.test/",
        ["Auth:CorsOrigins:0"] = "https://portal.test",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IMailSender>();
        services.AddSingleton<IMailSender>(Mail);
        services.AddQueryExtension<ProbeQueries>();
    }

    public TokenClient Tokens() => new(CreateClient());

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser driven step by step.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> AdminAsync<T>(Func<IIdentityAdministration, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IIdentityAdministration>());
    }

    /// <summary>Adds a verified user with a unique email and returns that email.</summary>
    public async Task<string> AddUserAsync(string role, Guid? enterprise = null, string password = TestUsers.Password)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        await AdminAsync(a => a.AddUserAsync(new NewUser(email, password, role, enterprise), CancellationToken.None));
        return email;
    }

    public async Task<GqlClient> SignedInAsync(string email, string password = TestUsers.Password)
    {
        var token = await Tokens().PasswordAsync(email, password);
        return CreateGqlClient().WithBearer(token.AccessToken);
    }

    /// <summary>A new verified user of <paramref name="role"/>, signed in through the password grant.</summary>
    public async Task<GqlClient> UserAsync(string role, Guid? enterprise = null) => await SignedInAsync(await AddUserAsync(role, enterprise));

    /// <summary>A new service client of <paramref name="role"/>, signed in through client credentials.</summary>
    public async Task<GqlClient> ServiceAsync(string role, Guid? enterprise = null)
    {
        var clientId = $"{role}-{Guid.NewGuid():N}";
        const string secret = "service-secret-0123456789";
        await AdminAsync(a => a.AddClientAsync(new NewClient(clientId, secret, role, enterprise, []), CancellationToken.None));
        var token = await Tokens().ClientCredentialsAsync(clientId, secret);
        // Partner services may run persisted operations only: their documents are registered first and sent by id.
        return (role == IdentityRoles.Partner ? CreatePersistedGqlClient() : CreateGqlClient()).WithBearer(token.AccessToken);
    }
}

public static class TestUsers
{
    public const string Password = "Secret-123!";
}
