using System.Net;
using LicenseManager.Identity.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class AuthorizationCodeTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();

    [Fact]
    public async Task AuthorizationCode_LoginPageThenCodeWithPkce_TokenWorksForGraphqlAndRefreshes()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        var (verifier, challenge) = BrowserSession.Pkce();
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = "openid api offline_access", ["state"] = "xyz", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

        // 1. Not signed in: to the login page, which returns to the authorize request.
        using var toLogin = await browser.GetAsync(authorize);
        toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var loginUrl = toLogin.Headers.Location!.PathAndQuery;
        loginUrl.ShouldStartWith("/account/login");
        // 2. Sign in: back to /connect/authorize.
        using var signedIn = await browser.SubmitAsync(loginUrl, new() { ["email"] = email, ["password"] = TestUsers.Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Headers.Location!.OriginalString.ShouldStartWith("/connect/authorize");
        // 3. Authorize again, now with the session: a code for the portal.
        using var toPortal = await browser.GetAsync(signedIn.Headers.Location!.OriginalString);
        toPortal.StatusCode.ShouldBe(HttpStatusCode.Redirect, await toPortal.Content.ReadAsStringAsync());
        var callback = toPortal.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe("xyz");

        var tokens = factory.Tokens();
        var token = await tokens.RequestAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = IdentityAppFactory.PortalClientId, ["code"] = query["code"].ToString(),
            ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri, ["code_verifier"] = verifier,
        });

        token.Status.ShouldBe(HttpStatusCode.OK, token.Body.ToJsonString());
        token.Body["id_token"].ShouldNotBeNull();
        var me = await factory.CreateGqlClient().WithBearer(token.AccessToken).QueryAsync("{ me { email } }");
        me["me"]!["email"]!.GetValue<string>().ShouldBe(email);
        var refreshed = await tokens.RefreshAsync(token.RefreshToken!, IdentityAppFactory.PortalClientId);
        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.Body.ToJsonString());
    }

    [Fact]
    public async Task AuthorizationCode_WrongCodeVerifier_IsRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        var (_, challenge) = BrowserSession.Pkce();
        using var signedIn = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        using var toPortal = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = "api", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }));
        var code = QueryHelpers.ParseQuery(toPortal.Headers.Location!.Query)["code"].ToString();

        var token = await factory.Tokens().RequestAsync(new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = IdentityAppFactory.PortalClientId, ["code"] = code,
            ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri, ["code_verifier"] = BrowserSession.Pkce().Verifier,
        });

        token.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        using var response = await factory.Browser().GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri, ["scope"] = "api",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("code_challenge");
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_RedirectsLocallyOnly()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());

        using var response = await browser.SubmitAsync("/account/login?returnUrl=%2F%2Fevil.example%2F",
            new() { ["email"] = email, ["password"] = TestUsers.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);

        using var response = await factory.Browser().PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = TestUsers.Password }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        cookies.ShouldNotContain(c => c.StartsWith("lm.session"));
    }

    [Fact]
    public async Task Logout_AfterSignIn_NextAuthorizeAsksToSignInAgain()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        var (_, challenge) = BrowserSession.Pkce();
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = "api", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        using var _ = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        using (var signedIn = await browser.GetAsync(authorize))
        {
            signedIn.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
        }

        using var confirm = await browser.GetAsync(LogoutUrl);
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var logout = await browser.SubmitAsync(LogoutUrl, []);
        using var again = await browser.GetAsync(authorize);

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect, await logout.Content.ReadAsStringAsync());
        logout.Headers.Location!.OriginalString.ShouldBe("https://portal.test/");
        again.Headers.Location!.PathAndQuery.ShouldStartWith("/account/login");
    }

    private const string LogoutUrl = "/connect/logout?client_id=" + IdentityAppFactory.PortalClientId + "&post_logout_redirect_uri=https%3A%2F%2Fportal.test%2F";
}
