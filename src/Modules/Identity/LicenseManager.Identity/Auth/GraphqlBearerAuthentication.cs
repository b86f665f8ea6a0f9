using Microsoft.Extensions.DependencyInjection;
using LicenseManager.Identity.Actors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Authentication of <c>/graphql</c>, which only ever accepts bearer access tokens. Instead of the whole
/// authentication middleware (every request handler scheme — OpenIddict's server asks of every request
/// whether it is one of its endpoints — then OpenIddict validation's pipeline and a JWT signature check
/// per request), it reads the <c>Authorization</c> header: none → anonymous at no cost; a token validated
/// before and not expired → the cached principal and actor; otherwise OpenIddict's full validation, whose
/// success is cached until the token's <c>exp</c>. A refused token leaves the caller anonymous, as before.
/// </summary>
internal static class GraphqlBearerAuthentication
{
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var header = http.Request.Headers.Authorization;
        if (header.Count == 1 && header[0] is { Length: > 0 } value)
        {
            var cache = http.RequestServices.GetRequiredService<AccessTokenCache>();
            if (cache.TryGet(value, out var entry))
            {
                http.User = entry.Principal;
                http.Features.Set(entry.Actor);
            }
            else
            {
                var (handled, result) = await ValidateAsync(http);
                if (handled)
                {
                    // OpenIddict answered the request itself (as the authentication middleware would let it).
                    return;
                }

                if (result is { Succeeded: true, Principal: { } principal })
                {
                    var actor = CurrentActor.From(principal);
                    http.User = principal;
                    http.Features.Set(actor);
                    if (principal.GetExpirationDate() is { } expiresAt)
                    {
                        cache.Add(value, principal, actor, expiresAt);
                    }
                }
            }
        }

        await next(http);
    }

    /// <summary>
    /// OpenIddict validation as the authentication middleware would run it for this one scheme: its request
    /// handler first (it opens the validation transaction the authenticate step reads), then authenticate.
    /// </summary>
    private static async Task<(bool Handled, AuthenticateResult? Result)> ValidateAsync(HttpContext http)
    {
        var handlers = http.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        var handler = await handlers.GetHandlerAsync(http, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (handler is null)
        {
            return (false, null);
        }

        if (handler is IAuthenticationRequestHandler request && await request.HandleRequestAsync())
        {
            return (true, null);
        }

        return (false, await handler.AuthenticateAsync());
    }
}
