using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>
/// Issue 9 item 1: a stranger signs up with an address that is not theirs, before the operator grants a role to
/// that address. Nothing granted to the address may reach the stranger.
/// </summary>
public sealed class PreRegistrationTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private const string AttackerPassword = "Attacker-123!";
    private const string OperatorPassword = "Chosen-By-Operator-456!";
    private static readonly Guid Enterprise = Guid.NewGuid();

    [Fact]
    public async Task OperatorGrant_ToAddressAStrangerSignedUp_StrangerGetsNothing()
    {
        var email = $"victim.admin-{Guid.NewGuid():N}@corp.example";
        await SignUpAsync(email, AttackerPassword);
        var tokens = factory.Tokens();
        var attackers = await tokens.PasswordAsync(email, AttackerPassword);

        var message = await factory.AdminAsync(a => a.AddUserAsync(
            new NewUser(email, OperatorPassword, IdentityRoles.EnterpriseAdmin, Enterprise), CancellationToken.None));

        message.ShouldContain("never verified");
        (await tokens.TryPasswordAsync(email, AttackerPassword)).Error.ShouldBe("invalid_grant");
        (await tokens.RefreshAsync(attackers.RefreshToken!)).Error.ShouldBe("invalid_grant");
        var stale = await factory.CreateGqlClient().WithBearer(attackers.AccessToken).PostAsync($$"""{ probeAdminOf(enterpriseId: "{{Enterprise}}") }""");
        stale.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
        var owner = await (await factory.SignedInAsync(email, OperatorPassword))
            .QueryAsync($$"""{ me { emailVerified roles } probeAdminOf(enterpriseId: "{{Enterprise}}") }""");
        owner["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
        owner["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([IdentityRoles.EnterpriseAdmin]);
        owner["probeAdminOf"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task OperatorGrant_WithWeakPassword_ToUnverifiedAccount_ChangesNothing()
    {
        var email = $"victim-{Guid.NewGuid():N}@corp.example";
        var enterprise = Guid.NewGuid();
        await SignUpAsync(email, AttackerPassword);

        await Should.ThrowAsync<IdentityAdministrationException>(() => factory.AdminAsync(a => a.AddUserAsync(
            new NewUser(email, "short", IdentityRoles.EnterpriseAdmin, enterprise), CancellationToken.None)));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        (await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).EmailConfirmed.ShouldBeFalse();
        (await db.EnterpriseMemberships.CountAsync(m => m.EnterpriseId == enterprise)).ShouldBe(0);
        (await factory.Tokens().TryPasswordAsync(email, AttackerPassword)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerificationLink_OpenedByAddressOwnerWithoutStrangersPassword_DoesNotVerify()
    {
        var email = $"victim-{Guid.NewGuid():N}@corp.example";
        await SignUpAsync(email, AttackerPassword);
        var owner = new BrowserSession(factory.Browser());

        using var response = await owner.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = "Owners-Own-789!" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var me = await (await factory.SignedInAsync(email, AttackerPassword)).QueryAsync("{ me { emailVerified } }");
        me["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task UnverifiedAccount_WithMembershipRow_TokenCarriesNoRoleAndNoEnterprise()
    {
        var email = $"victim-{Guid.NewGuid():N}@corp.example";
        await SignUpAsync(email, AttackerPassword);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A membership that got attached before this rule existed (or by any other way).
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
            db.EnterpriseMemberships.Add(new EnterpriseMembership { UserId = user.Id, EnterpriseId = Enterprise, Role = IdentityRoles.EnterpriseAdmin });
            await db.SaveChangesAsync();
        }

        var client = await factory.SignedInAsync(email, AttackerPassword);
        var response = await client.PostAsync($$"""{ me { roles enterprises { enterpriseCustomerId } } probeAdminOf(enterpriseId: "{{Enterprise}}") }""");

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
        response.Data!["me"]!["roles"]!.AsArray().ShouldBeEmpty();
        response.Data["me"]!["enterprises"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task ForgotPassword_ByAddressOwner_TakesAccountBackAndEndsStrangersSessions()
    {
        var email = $"victim-{Guid.NewGuid():N}@corp.example";
        await SignUpAsync(email, AttackerPassword);
        var attackers = await factory.Tokens().PasswordAsync(email, AttackerPassword);
        var owner = new BrowserSession(factory.Browser());

        using var _ = await owner.SubmitAsync("/account/forgot-password", new() { ["email"] = email });
        using var reset = await owner.SubmitAsync(factory.Mail.LinkTo(email), new() { ["password"] = "Owners-Own-789!" });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        (await factory.Tokens().RefreshAsync(attackers.RefreshToken!)).Error.ShouldBe("invalid_grant");
        (await factory.Tokens().TryPasswordAsync(email, AttackerPassword)).Error.ShouldBe("invalid_grant");
        var me = await (await factory.SignedInAsync(email, "Owners-Own-789!")).QueryAsync("{ me { emailVerified } }");
        me["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task SignUpAsync(string email, string password)
    {
        var browser = new BrowserSession(factory.Browser());
        using var response = await browser.SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
