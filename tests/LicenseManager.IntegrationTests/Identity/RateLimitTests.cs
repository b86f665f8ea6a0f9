using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Three attempts per account, a large budget per address; windows far longer than a test run.</summary>
public sealed class PerAccountLimitFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:RateLimits:PerAccount:PermitLimit"] = "3",
        ["Auth:RateLimits:PerAccount:Window"] = "01:00:00",
    };
}

/// <summary>Four attempts per client address, a large budget per account.</summary>
public sealed class PerAddressLimitFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:RateLimits:PerAddress:PermitLimit"] = "4",
        ["Auth:RateLimits:PerAddress:Window"] = "01:00:00",
    };
}

/// <summary>
/// Issue 9 item 8: five wrong passwords lock an account, so attempts are rate limited per account and per address
/// before any password is checked. Deterministic: tiny limits, hour-long windows, no waiting.
/// </summary>
public sealed class PerAccountLimitTests(PerAccountLimitFactory factory) : IClassFixture<PerAccountLimitFactory>
{
    [Fact]
    public async Task Token_BeyondPerAccountLimit_IsRefusedBeforeThePasswordIsCheckedAndAccountIsNotLocked()
    {
        var target = await factory.AddUserAsync(IdentityRoles.Operator);
        var other = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var tokens = factory.Tokens();
        for (var i = 0; i < 3; i++)
        {
            (await tokens.TryPasswordAsync(target, "Wrong-123!")).Error.ShouldBe("invalid_grant");
        }

        var limited = await tokens.TryPasswordAsync(target, "Wrong-123!");
        using var loginPage = await new BrowserSession(factory.Browser()).SubmitAsync("/account/login", new() { ["email"] = target.ToUpperInvariant(), ["password"] = "Wrong-123!" });

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Error.ShouldBe("temporarily_unavailable");
        loginPage.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await tokens.TryPasswordAsync(other, TestUsers.Password)).Status.ShouldBe(HttpStatusCode.OK);
        // Only three failures reached the account: it is not locked (five would lock it).
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(target);
        (await users.IsLockedOutAsync(user!)).ShouldBeFalse();
        (await users.GetAccessFailedCountAsync(user!)).ShouldBe(3);
    }
}

public sealed class PerAccountResetTests(PerAccountLimitFactory factory) : IClassFixture<PerAccountLimitFactory>
{
    [Fact]
    public async Task ForgotPassword_AfterSomeoneSpentTheAccountsSignInBudget_StillSendsTheOwnerALink()
    {
        var target = await factory.AddUserAsync(IdentityRoles.Operator);
        var tokens = factory.Tokens();
        for (var i = 0; i < 4; i++)
        {
            await tokens.TryPasswordAsync(target, "Wrong-123!");
        }

        (await tokens.TryPasswordAsync(target, TestUsers.Password)).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        var owner = new BrowserSession(factory.Browser());
        using var forgot = await owner.SubmitAsync("/account/forgot-password", new() { ["email"] = target });
        using var reset = await owner.SubmitAsync(factory.Mail.LinkTo(target), new() { ["password"] = "Owners-New-456!" });

        forgot.StatusCode.ShouldBe(HttpStatusCode.OK);
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SharedClientTests(PerAccountLimitFactory factory) : IClassFixture<PerAccountLimitFactory>
{
    [Fact]
    public async Task Refresh_ManyPeopleThroughOneClient_AreNotLimitedAsOneAccount()
    {
        var tokens = factory.Tokens();
        var signedIn = new List<TokenResponse>();
        for (var i = 0; i < 5; i++)
        {
            signedIn.Add(await tokens.PasswordAsync(await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid()), TestUsers.Password));
        }

        foreach (var token in signedIn)
        {
            (await tokens.RefreshAsync(token.RefreshToken!)).Status.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class PerAddressLimitTests(PerAddressLimitFactory factory) : IClassFixture<PerAddressLimitFactory>
{
    [Fact]
    public async Task SignInAttempts_BeyondPerAddressLimit_AreRefusedWhateverTheAccount()
    {
        var tokens = factory.Tokens();
        for (var i = 0; i < 4; i++)
        {
            (await tokens.TryPasswordAsync($"guess-{i}-{Guid.NewGuid():N}@example.com", "Wrong-123!")).Error.ShouldBe("invalid_grant");
        }

        var token = await tokens.TryPasswordAsync($"guess-{Guid.NewGuid():N}@example.com", "Wrong-123!");
        var refresh = await tokens.RefreshAsync("not-a-refresh-token");
        using var forgot = await factory.Browser().PostAsync("/account/forgot-password",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "someone@example.com" }));

        token.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refresh.Status.ShouldBe(HttpStatusCode.BadRequest, "refresh grants are not counted per address");
        forgot.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        forgot.Headers.RetryAfter.ShouldNotBeNull();
        (await factory.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
