using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LicenseManager.Identity.Auth;

namespace LicenseManager.Identity.Accounts;

/// <summary>The account pages' HTML: small, self-contained (no CDN, no scripts), every form antiforgery-protected.</summary>
internal static class Page
{
    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{Encode(title)}} · License Manager</title>
            <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
            label,input,button{display:block;width:100%;margin:.3rem 0;box-sizing:border-box}input,button{padding:.5rem}
            .error{color:#b91c1c}.note{color:#374151}</style></head>
            <body><h1>{{Encode(title)}}</h1>
            {{body}}
            </body></html>
            """, "text/html; charset=utf-8", statusCode: status);

    public static string Form(HttpContext http, string action, string fields, string submit)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""
            <form method="post" action="{Encode(action)}">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? string.Empty)}">
            {fields}
            <button type="submit">{Encode(submit)}</button>
            </form>
            """;
    }

    public static string Input(string name, string label, string type = "text", string? value = null) =>
        $"""<label for="{name}">{Encode(label)}</label><input id="{name}" name="{name}" type="{type}" value="{Encode(value ?? string.Empty)}" required>""";

    public static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value ?? string.Empty)}">""";

    public static string Error(string? message) => message is null ? string.Empty : $"""<p class="error">{Encode(message)}</p>""";

    public static string Note(string message) => $"""<p class="note">{Encode(message)}</p>""";

    public static string Link(string href, string text) => $"""<a href="{Encode(href)}">{Encode(text)}</a>""";

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>
    /// Only paths on this site, by the framework's check: never <c>//host</c>, <c>/\host</c>, absolute URLs, or
    /// paths with control characters (browsers drop a tab, so <c>/&#9;/host</c> would become <c>//host</c>).
    /// </summary>
    public static bool IsLocalUrl([NotNullWhen(true)] string? url) => RedirectHttpResult.IsLocalUrl(url);

    /// <summary>
    /// The public base URL for links in emails: <c>Auth:PublicBaseUrl</c>, else the fixed <c>Auth:Issuer</c>;
    /// never this request's Host header, which whoever sends the request chooses. Null when neither is configured.
    /// </summary>
    public static string? BaseUrl(HttpContext http)
    {
        var auth = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var configured = !string.IsNullOrWhiteSpace(auth.PublicBaseUrl) ? auth.PublicBaseUrl : auth.Issuer;
        return string.IsNullOrWhiteSpace(configured) ? null : configured.TrimEnd('/');
    }

    /// <summary>What a page that would mail a link answers when no public base URL is configured.</summary>
    public static IResult NoBaseUrl(HttpContext http, string title)
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LicenseManager.Identity.Accounts")
            .LogError("Account emails need Auth:PublicBaseUrl (or Auth:Issuer): links are never built from the request's Host header");
        return Render(title, Error("This server cannot send account emails yet; please tell its operator."), StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<bool> IsValidFormAsync(HttpContext http) =>
        http.Request.HasFormContentType
        && await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
}
