using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Issue 9 items 3, 5 and 9: an open redirect after login, PKCE plain, and logout by any site.</summary>
public sealed class BrowserAttackTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\\evil.example")]
    public async Task Login_ReturnUrlWithControlCharacters_IsNotFollowed(string returnUrl)
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());

        using var response = await browser.SubmitAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["email"] = email, ["password"] = TestUsers.Password, ["returnUrl"] = returnUrl });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/login?signedIn=1");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task Authorize_PkceWithoutS256_IsRefused(string? method)
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        using var _ = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        const string verifier = "a-plain-verifier-that-is-long-enough-0123456789-abcdefghij";

        using var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = "api", ["code_challenge"] = verifier, ["code_challenge_method"] = method,
        }.Where(p => p.Value is not null).ToDictionary()));

        // Either refused outright or redirected back with an error: never a code.
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        location.ShouldNotContain("code=");
        (response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=")).ShouldBeTrue(location);
    }

    [Fact]
    public async Task Discovery_ListsOnlyS256()
    {
        var discovery = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration");

        discovery!["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["S256"]);
    }

    [Fact]
    public async Task Logout_GetFromAnySiteWithoutIdTokenHint_AsksInsteadOfSigningOut()
    {
        var (browser, authorize) = await SignedInBrowserAsync();

        using var forged = await browser.GetAsync("/connect/logout");
        using var after = await browser.GetAsync(authorize);

        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("Sign out");
        after.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
    }

    [Fact]
    public async Task Logout_ConfirmationForm_EchoesNoMarkupFromTheRequest()
    {
        var (browser, _) = await SignedInBrowserAsync();

        using var page = await browser.GetAsync("/connect/logout?state=%22%3E%3Cscript%3Ex()%3C%2Fscript%3E&%22%3E%3Cb%3E=1");

        var html = await page.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b>");
    }

    [Fact]
    public async Task Logout_WithSomeoneElsesIdToken_AsksInsteadOfSigningOut()
    {
        var (browser, authorize) = await SignedInBrowserAsync();
        var (_, attackersIdToken) = await CodeFlowAsync();

        using var forged = await browser.GetAsync("/connect/logout?id_token_hint=" + attackersIdToken);
        using var after = await browser.GetAsync(authorize);

        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
    }

    [Fact]
    public async Task Logout_WithOwnIdTokenHint_SignsOutAndRedirects()
    {
        var (browser, idToken) = await CodeFlowAsync();

        using var logout = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = "https://portal.test/",
        }));
        using var after = await browser.GetAsync(Authorize(BrowserSession.Pkce().Challenge, "api"));

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect, await logout.Content.ReadAsStringAsync());
        logout.Headers.Location!.OriginalString.ShouldBe("https://portal.test/");
        after.Headers.Location!.PathAndQuery.ShouldStartWith("/account/login");
    }

    private async Task<(BrowserSession Browser, string Authorize)> SignedInBrowserAsync()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        using var _ = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        var authorize = Authorize(BrowserSession.Pkce().Challenge, "api");
        using var signedIn = await browser.GetAsync(authorize);
        signedIn.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
        return (browser, authorize);
    }

    /// <summary>A new person signed in through a browser, with the id token the portal got for them.</summary>
    private async Task<(BrowserSession Browser, string IdToken)> CodeFlowAsync()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        using var _ = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        var (verifier, challenge) = BrowserSession.Pkce();
        using var toPortal = await browser.GetAsync(Authorize(challenge, "openid api"));
        var code = QueryHelpers.ParseQuery(toPortal.Headers.Location!.Query)["code"].ToString();
        var token = await factory.Tokens().RequestAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = IdentityAppFactory.PortalClientId, ["code"] = code,
            ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri, ["code_verifier"] = verifier,
        });
        token.Status.ShouldBe(HttpStatusCode.OK, token.Body.ToJsonString());
        return (browser, token.Body["id_token"]!.GetValue<string>());
    }

    private static string Authorize(string challenge, string scope) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = scope, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
}
