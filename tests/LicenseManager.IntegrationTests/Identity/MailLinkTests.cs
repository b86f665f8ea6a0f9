using System.Net;
using LicenseManager.Identity.Contracts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Issue 9 item 6: links in account mails never follow the request's Host header.</summary>
public sealed class MailLinkTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task ForgotPassword_ForgedHostHeader_LinkUsesConfiguredBaseUrl()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());

        using var response = await ForgedHostBrowser().SubmitAsync("/account/forgot-password", new() { ["email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = factory.Mail.Sent.Last(m => m.To == email).TextBody;
        mail.ShouldContain(IdentityAppFactory.PublicBaseUrl + "/account/reset-password?");
        mail.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task SignUp_ForgedHostHeader_LinkUsesConfiguredBaseUrl()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";

        using var response = await ForgedHostBrowser().SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = factory.Mail.Sent.Last(m => m.To == email).TextBody;
        mail.ShouldContain(IdentityAppFactory.PublicBaseUrl + "/account/verify-email?");
        mail.ShouldNotContain("evil.example");
    }

    private BrowserSession ForgedHostBrowser() => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true,
    }));
}

/// <summary>No Auth:PublicBaseUrl and no Auth:Issuer (outside Development).</summary>
public sealed class NoBaseUrlFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Auth:PublicBaseUrl"] = null };
}

public sealed class NoBaseUrlTests(NoBaseUrlFactory factory) : IClassFixture<NoBaseUrlFactory>
{
    [Fact]
    public async Task ForgotPassword_NoBaseUrlConfigured_SendsNoLinkAndSaysSo()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());

        using var response = await new BrowserSession(factory.Browser()).SubmitAsync("/account/forgot-password", new() { ["email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("cannot send account emails");
        factory.Mail.Sent.ShouldNotContain(m => m.To == email);
    }
}
