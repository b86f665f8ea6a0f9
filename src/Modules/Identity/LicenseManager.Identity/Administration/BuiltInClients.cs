using LicenseManager.Identity.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Administration;

/// <summary>
/// Creates or updates the public clients that ship with the service: the CLI (password grant, only usable
/// where the server enables it) and the configured portals (code + PKCE). Runs after the identity
/// migrations, under the migration lock.
/// </summary>
internal static class BuiltInClients
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;

        var cli = Public(ClaimNames.CliClientId, "License Manager CLI");
        cli.Permissions.UnionWith([Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken]);
        await UpsertAsync(applications, cli, cancellationToken);

        foreach (var portal in options.Portals.Where(p => !string.IsNullOrWhiteSpace(p.ClientId)))
        {
            var descriptor = Public(portal.ClientId, portal.DisplayName ?? portal.ClientId);
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(portal.RedirectUris.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(portal.PostLogoutRedirectUris.Select(u => new Uri(u)));
            await UpsertAsync(applications, descriptor, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor Public(string clientId, string displayName)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token },
        };
        descriptor.Permissions.UnionWith(OpenIddictSetup.ApiScopes.Select(s => Permissions.Prefixes.Scope + s));
        return descriptor;
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
