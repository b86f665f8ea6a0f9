using System.Security.Claims;
using LicenseManager.Identity.Accounts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// <c>/connect/authorize</c> (authorization code + PKCE, validated by OpenIddict) and <c>/connect/logout</c>.
/// The portals are first-party clients: a signed-in person gets a code without a consent screen.
/// </summary>
internal sealed class AuthorizeEndpoint(UserManager<User> users, PrincipalFactory principals)
{
    public async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null || user.IsDisabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back here after the login page; the authorize request is replayed from its query string.
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.Query.Where(p => p.Key != Parameters.Prompt).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.ForUserAsync(user, request.GetScopes(), http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Signs the person out when the request shows it comes from them: an <c>id_token_hint</c> of the signed-in
    /// person (OpenIddict validated its signature), or our own confirmation form (antiforgery). Anything else, e.g.
    /// an image tag on any site pointing here, gets the confirmation form instead of a sign-out.
    /// </summary>
    public static async Task<IResult> LogoutAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var signedIn = session.Succeeded ? session.Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (signedIn is not null && !await IsFromSignedInPersonAsync(http, request, signedIn))
        {
            return Page.Render("Sign out", Page.Form(http, "/connect/logout",
                string.Concat(ConfirmedParameters.Select(name => Page.Hidden(name, (string?)request.GetParameter(name)))),
                "Sign out"));
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        // OpenIddict redirects to the validated post_logout_redirect_uri, or here when none was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>What the confirmation form passes on (never the hint, never anything else the caller made up).</summary>
    private static readonly string[] ConfirmedParameters = [Parameters.ClientId, Parameters.PostLogoutRedirectUri, Parameters.State];

    private static async Task<bool> IsFromSignedInPersonAsync(HttpContext http, OpenIddictRequest request, string userId)
    {
        if (request.IdTokenHint is not null)
        {
            var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            // Someone else's valid id token (the attacker's own) must not sign this person out.
            return hint.Principal?.GetClaim(Claims.Subject) == userId;
        }

        return HttpMethods.IsPost(http.Request.Method) && await Page.IsValidFormAsync(http);
    }
}
