using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class PasswordGrantTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();

    private const string MeQuery = "{ me { id email emailVerified roles enterprises { enterpriseCustomerId role } } }";

    [Fact]
    public async Task Me_PasswordGrantToken_ReturnsUserWithRolesAndEnterprise()
    {
        var email = await factory.AddUserAsync(IdentityRoles.EnterpriseAdmin, Enterprise);

        var data = await (await factory.SignedInAsync(email)).QueryAsync(MeQuery);

        data["me"]!["email"]!.GetValue<string>().ShouldBe(email);
        data["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
        data["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([IdentityRoles.EnterpriseAdmin]);
        data["me"]!["enterprises"]![0]!["enterpriseCustomerId"]!.GetValue<string>().ShouldBe(Enterprise.ToString());
        data["me"]!["enterprises"]![0]!["role"]!.GetValue<string>().ShouldBe(IdentityRoles.EnterpriseAdmin);
    }

    [Fact]
    public async Task Me_NoToken_ReturnsNotAuthenticated()
    {
        var response = await factory.CreateGqlClient().PostAsync(MeQuery);

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
        response.Errors!.Count.ShouldBe(1, response.Raw);
        response.Errors[0]!["path"]![0]!.GetValue<string>().ShouldBe("me");
        response.Data.ShouldBeNull();
    }

    [Fact]
    public async Task Token_WrongPassword_ReturnsInvalidGrant()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);

        var response = await factory.Tokens().TryPasswordAsync(email, "Wrong-123!");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        for (var i = 0; i < 5; i++)
        {
            (await tokens.TryPasswordAsync(email, "Wrong-123!")).Error.ShouldBe("invalid_grant");
        }

        var response = await tokens.TryPasswordAsync(email, TestUsers.Password);

        response.Error.ShouldBe("invalid_grant");
        // The same words as for a wrong password or an unknown email (see UnknownEmailTests).
        response.Body["error_description"]!.GetValue<string>().ShouldContain("paused");
    }

    [Fact]
    public async Task Token_DisabledUser_ReturnsInvalidGrant()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        await DisableAsync(email);

        var response = await factory.Tokens().TryPasswordAsync(email, TestUsers.Password);

        response.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Refresh_DisabledAfterSignIn_IsRefused()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        var first = await tokens.PasswordAsync(email, TestUsers.Password);
        await DisableAsync(email);

        var refreshed = await tokens.RefreshAsync(first.RefreshToken!);

        refreshed.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Refresh_AfterRoleChange_TokenCarriesNewRole()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        var first = await tokens.PasswordAsync(email, TestUsers.Password);
        await factory.AdminAsync(a => a.AddUserAsync(new NewUser(email, "ignored-Pass1!", IdentityRoles.Operator, null), CancellationToken.None));

        var refreshed = await tokens.RefreshAsync(first.RefreshToken!);

        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.Body.ToJsonString());
        var data = await factory.CreateGqlClient().WithBearer(refreshed.AccessToken).QueryAsync(MeQuery);
        data["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([IdentityRoles.Learner, IdentityRoles.Operator], ignoreOrder: true);
        var before = await factory.CreateGqlClient().WithBearer(first.AccessToken).QueryAsync(MeQuery);
        before["me"]!["roles"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Graphql_TamperedToken_ReturnsNotAuthenticated()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var token = (await factory.Tokens().PasswordAsync(email, TestUsers.Password)).AccessToken;
        var parts = token.Split('.');
        // Same signature, a payload that claims another subject.
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(email, "someone-else@example.com");
        var tampered = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await factory.CreateGqlClient().WithBearer(tampered).PostAsync(MeQuery);

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
        (await factory.CreateGqlClient().WithBearer(token).PostAsync(MeQuery)).Errors.ShouldBeNull();
    }

    [Fact]
    public async Task Graphql_TokenWithoutApiScope_HasNoAudienceAndIsRejected()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var token = await factory.Tokens().PasswordAsync(email, TestUsers.Password, scope: "email");

        var response = await factory.CreateGqlClient().WithBearer(token.AccessToken).PostAsync(MeQuery);

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Token_NoScopeRequested_GetsDefaultApiScope()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var token = await factory.Tokens().RequestAsync(new()
        {
            ["grant_type"] = "password", ["client_id"] = TokenClient.CliClientId, ["username"] = email, ["password"] = TestUsers.Password,
        });

        var data = await factory.CreateGqlClient().WithBearer(token.AccessToken).QueryAsync(MeQuery);

        data["me"]!["email"]!.GetValue<string>().ShouldBe(email);
    }

    private async Task DisableAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        user!.IsDisabled = true;
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
    }
}
