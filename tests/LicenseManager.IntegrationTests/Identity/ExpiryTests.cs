using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class ExpiryAppFactory : IdentityAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Auth:AccessTokenLifetime"] = "00:05:00" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class ExpiryTests(ExpiryAppFactory factory) : IClassFixture<ExpiryAppFactory>
{
    [Fact]
    public async Task Graphql_AccessTokenPastItsLifetime_ReturnsNotAuthenticated()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var client = await factory.SignedInAsync(email);
        (await client.PostAsync("{ me { email } }")).Errors.ShouldBeNull();

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await client.PostAsync("{ me { email } }");

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Refresh_AfterAccessTokenExpired_IssuesAWorkingToken()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var tokens = factory.Tokens();
        var first = await tokens.PasswordAsync(email, TestUsers.Password);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await tokens.RefreshAsync(first.RefreshToken!);

        var response = await factory.CreateGqlClient().WithBearer(refreshed.AccessToken).PostAsync("{ me { email } }");
        response.Errors.ShouldBeNull(response.Raw);
    }

    [Fact]
    public async Task TokenPruner_RedeemedRefreshTokenPastPruneAge_IsDeleted()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var tokens = factory.Tokens();
        await tokens.RefreshAsync((await tokens.PasswordAsync(email, TestUsers.Password)).RefreshToken!);
        var before = await CountTokensAsync("redeemed");

        factory.Clock.Advance(TimeSpan.FromDays(60));
        await factory.Services.GetRequiredService<TokenPruner>().PruneAsync(CancellationToken.None);

        before.ShouldBeGreaterThan(0);
        (await CountTokensAsync("redeemed")).ShouldBe(0);
        (await CountTokensAsync("valid")).ShouldBeGreaterThan(0);
    }

    private async Task<int> CountTokensAsync(string status)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().CountAsync(t => t.Status == status);
    }
}
