using System.Net;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class AccountTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private const string MeQuery = "{ me { email emailVerified } }";

    [Fact]
    public async Task SignUp_BeforeAndAfterVerificationLink_EmailVerifiedFollows()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var browser = new BrowserSession(factory.Browser());

        using var signedUp = await browser.SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });

        signedUp.StatusCode.ShouldBe(HttpStatusCode.OK, await signedUp.Content.ReadAsStringAsync());
        var before = await (await factory.SignedInAsync(email)).QueryAsync(MeQuery);
        before["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeFalse();

        using var verified = await browser.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = TestUsers.Password });

        verified.StatusCode.ShouldBe(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        var after = await (await factory.SignedInAsync(email)).QueryAsync(MeQuery);
        after["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task VerifyEmail_TamperedToken_IsRejected()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var browser = new BrowserSession(factory.Browser());
        using var _ = await browser.SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });

        using var response = await browser.SubmitAsync(factory.Mail.LinkTo(email).Replace("token=", "token=AAAA"), new() { ["password"] = TestUsers.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var me = await (await factory.SignedInAsync(email)).QueryAsync(MeQuery);
        me["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task SignUp_EmailTakenInOtherCase_CreatesNoSecondAccount()
    {
        var email = await factory.AddUserAsync("learner", Guid.NewGuid());
        var browser = new BrowserSession(factory.Browser());

        using var response = await browser.SubmitAsync("/account/signup", new() { ["email"] = email.ToUpperInvariant(), ["password"] = "Other-123!" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Mail.Sent.ShouldNotContain(m => m.To == email);
        (await factory.Tokens().TryPasswordAsync(email, "Other-123!")).Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task ResetPassword_ThroughEmailedLink_NewPasswordSignsInOldDoesNot()
    {
        var email = await factory.AddUserAsync("learner", Guid.NewGuid());
        var browser = new BrowserSession(factory.Browser());

        using var requested = await browser.SubmitAsync("/account/forgot-password", new() { ["email"] = email });
        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reset = await browser.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = "Brand-New-456!" });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        (await factory.Tokens().TryPasswordAsync(email, "Brand-New-456!")).Status.ShouldBe(HttpStatusCode.OK);
        (await factory.Tokens().TryPasswordAsync(email, TestUsers.Password)).Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SendsNothingAndAnswersAlike()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";
        var browser = new BrowserSession(factory.Browser());

        using var response = await browser.SubmitAsync("/account/forgot-password", new() { ["email"] = email });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Mail.Sent.ShouldNotContain(m => m.To == email);
    }
}
