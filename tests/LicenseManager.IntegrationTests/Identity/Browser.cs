using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Drives the account pages like a browser: keeps cookies, reads the antiforgery field, follows redirects by hand.</summary>
public sealed partial class BrowserSession(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url);

    /// <summary>GETs the page with the form, then posts <paramref name="fields"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, Dictionary<string, string> fields)
    {
        using var page = await Http.GetAsync(pageUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var form = FormTag().Match(html);
        form.Success.ShouldBeTrue(html);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value) };
        foreach (Match hidden in HiddenField().Matches(html))
        {
            values.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        return await Http.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(values));
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    [GeneratedRegex("""<form method="post" action="([^"]*)">""")]
    private static partial Regex FormTag();

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]*)""")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)">""")]
    private static partial Regex HiddenField();
}
