using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Issue 9 item 2: what ends the sessions and refresh tokens issued before it.</summary>
public sealed class SessionEndTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();

    [Fact]
    public async Task Refresh_AfterPasswordReset_IsRefusedAndKeepsNoRotation()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        var before = await tokens.PasswordAsync(email, TestUsers.Password);
        var rotated = await tokens.RefreshAsync(before.RefreshToken!);
        rotated.Status.ShouldBe(HttpStatusCode.OK);
        var browser = new BrowserSession(factory.Browser());

        using var _ = await browser.SubmitAsync("/account/forgot-password", new() { ["email"] = email });
        using var reset = await browser.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = "Brand-New-456!" });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tokens.RefreshAsync(rotated.RefreshToken!)).Error.ShouldBe("invalid_grant");
        (await tokens.RefreshAsync(before.RefreshToken!)).Error.ShouldBe("invalid_grant");
        (await tokens.PasswordAsync(email, "Brand-New-456!")).RefreshToken.ShouldNotBeNull();
    }

    [Fact]
    public async Task Refresh_AfterPasswordChange_IsRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        var before = await tokens.PasswordAsync(email, TestUsers.Password);

        await WithUserAsync(email, async (users, user) =>
            (await users.ChangePasswordAsync(user, TestUsers.Password, "Changed-789!")).Succeeded.ShouldBeTrue());

        (await tokens.RefreshAsync(before.RefreshToken!)).Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Refresh_AfterMembershipRemoved_IsRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.EnterpriseAdmin, Enterprise);
        await factory.AdminAsync(a => a.AddUserAsync(new NewUser(email, TestUsers.Password, IdentityRoles.Learner, Guid.NewGuid()), CancellationToken.None));
        var tokens = factory.Tokens();
        var before = await tokens.PasswordAsync(email, TestUsers.Password);
        (await tokens.RefreshAsync(before.RefreshToken!)).Status.ShouldBe(HttpStatusCode.OK);
        var again = await tokens.PasswordAsync(email, TestUsers.Password);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            await db.EnterpriseMemberships.Where(m => m.EnterpriseId == Enterprise && m.UserId == userId).ExecuteDeleteAsync();
        }

        (await tokens.RefreshAsync(again.RefreshToken!)).Error.ShouldBe("invalid_grant");
        var fresh = await tokens.PasswordAsync(email, TestUsers.Password);
        (await tokens.RefreshAsync(fresh.RefreshToken!)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginCookie_AfterPasswordReset_NoLongerAuthorizes()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var browser = new BrowserSession(factory.Browser());
        using var _ = await browser.SubmitAsync("/account/login", new() { ["email"] = email, ["password"] = TestUsers.Password });
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityAppFactory.PortalClientId, ["response_type"] = "code", ["redirect_uri"] = IdentityAppFactory.PortalRedirectUri,
            ["scope"] = "api", ["code_challenge"] = BrowserSession.Pkce().Challenge, ["code_challenge_method"] = "S256",
        });
        using (var signedIn = await browser.GetAsync(authorize))
        {
            signedIn.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(IdentityAppFactory.PortalRedirectUri);
        }

        var elsewhere = new BrowserSession(factory.Browser());
        using var __ = await elsewhere.SubmitAsync("/account/forgot-password", new() { ["email"] = email });
        using var reset = await elsewhere.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = "Brand-New-456!" });
        using var after = await browser.GetAsync(authorize);

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.Location!.PathAndQuery.ShouldStartWith("/account/login");
    }

    [Fact]
    public async Task Refresh_AfterSomeoneLockedTheAccountWithWrongPasswords_StillWorks()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        var owners = await tokens.PasswordAsync(email, TestUsers.Password);
        for (var i = 0; i < 5; i++)
        {
            await tokens.TryPasswordAsync(email, "Wrong-123!");
        }

        (await tokens.TryPasswordAsync(email, TestUsers.Password)).Error.ShouldBe("invalid_grant");
        (await tokens.RefreshAsync(owners.RefreshToken!)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private async Task WithUserAsync(string email, Func<UserManager<User>, User, Task> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        await action(users, (await users.FindByEmailAsync(email))!);
    }
}
