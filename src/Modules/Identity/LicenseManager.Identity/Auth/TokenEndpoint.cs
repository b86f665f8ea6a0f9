using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict validated the request (client, secret, code, PKCE, refresh
/// token): decides who the token is for. Users are re-read from the database on every grant.
/// </summary>
internal sealed class TokenEndpoint(
    IOpenIddictApplicationManager applications,
    UserManager<User> users,
    PasswordCheck passwords,
    PrincipalFactory principals)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cancellationToken = http.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (!properties.TryGetValue(ClaimNames.RoleProperty, out var role) || role.ValueKind != JsonValueKind.String)
            {
                return Forbid(Errors.UnauthorizedClient, "This client has no role.");
            }

            Guid? enterprise = null;
            if (properties.TryGetValue(ClaimNames.EnterpriseProperty, out var e) && Guid.TryParse(e.GetString(), out var id))
            {
                enterprise = id;
            }

            var scopes = await ScopesAsync(request, application, cancellationToken);
            return SignIn(PrincipalFactory.ForClient(request.ClientId!, role.GetString()!, enterprise, scopes));
        }

        if (request.IsPasswordGrantType())
        {
            var user = await passwords.CheckAsync(request.Username ?? string.Empty, request.Password ?? string.Empty);
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, PasswordCheck.Failed);
            }

            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
            var scopes = await ScopesAsync(request, application!, cancellationToken);
            return SignIn(await principals.ForUserAsync(user, scopes, cancellationToken));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            // Not refused for a lockout: anyone can lock an account with wrong passwords, and that must not also end
            // its owner's sessions. A reset or password change does (below).
            if (granted is null || user is null || user.IsDisabled)
            {
                return Forbid(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }

            // A reset or password change gives the user a new security stamp: codes and refresh tokens from before are void.
            if (granted.GetClaim(ClaimNames.SecurityStamp) is not { } stamp || stamp != user.SecurityStamp)
            {
                return Forbid(Errors.InvalidGrant, "The password was changed or reset since this sign-in; sign in again.");
            }

            var principal = await principals.ForUserAsync(user, granted.GetScopes(), cancellationToken);
            if (!StillHolds(granted, principal))
            {
                return Forbid(Errors.InvalidGrant, "A role or membership of this sign-in was removed; sign in again.");
            }

            return SignIn(principal);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// Whether every role and membership the grant was made with is still held. A removal ends the sessions
    /// from before it, whatever removed it; additions simply show up in the new token.
    /// </summary>
    private static bool StillHolds(ClaimsPrincipal granted, ClaimsPrincipal current) =>
        new[] { Claims.Role, ClaimNames.EnterpriseAdmin, ClaimNames.EnterpriseLearner }.All(type =>
            granted.GetClaims(type).ToHashSet(StringComparer.Ordinal).IsSubsetOf(current.GetClaims(type)));

    /// <summary>The requested scopes, or all the client may have when none were requested (so the token has an audience).</summary>
    private async Task<ImmutableArray<string>> ScopesAsync(OpenIddictRequest request, object application, CancellationToken cancellationToken)
    {
        var requested = request.GetScopes();
        if (!requested.IsEmpty)
        {
            return requested;
        }

        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return [.. permissions
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])];
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    internal static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
