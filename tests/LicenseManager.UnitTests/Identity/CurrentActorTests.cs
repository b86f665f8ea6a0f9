using System.Security.Claims;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Authorization;
using OpenIddict.Abstractions;

namespace LicenseManager.UnitTests.Identity;

public sealed class CurrentActorTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    [Fact]
    public void From_NoPrincipal_IsAnonymousWithNoAccess()
    {
        var actor = CurrentActor.From(null);

        actor.IsAuthenticated.ShouldBeFalse();
        actor.Kind.ShouldBe(ActorKind.Anonymous);
        actor.CanReadEnterprise(Own).ShouldBeFalse();
    }

    [Fact]
    public void From_VerifiedLearner_ReadsOwnEnterpriseOnlyAndCannotAdminister()
    {
        var actor = CurrentActor.From(Principal(
            ("sub", Guid.NewGuid().ToString()), ("email", "l@example.com"), ("email_verified", "true"),
            ("role", "learner"), ("enterprise_learner", Own.ToString()), ("client_kind", "user")));

        actor.Kind.ShouldBe(ActorKind.User);
        actor.CanReadEnterprise(Own).ShouldBeTrue();
        actor.CanReadEnterprise(Other).ShouldBeFalse();
        actor.CanAdministerEnterprise(Own).ShouldBeFalse();
        ((IRequestActor)actor).HasTenantAccess(Own, TenantAccess.Administer).ShouldBeFalse();
    }

    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public void From_UnverifiedPersonWithRoleAndMembershipClaims_HasNoRoleAndNoEnterprise(string? emailVerified)
    {
        (string, string)[] claims =
        [
            ("sub", Guid.NewGuid().ToString()), ("email", "victim@corp.example"), ("client_kind", "user"),
            ("role", "operator"), ("role", "enterprise_admin"), ("enterprise_admin", Own.ToString()), ("enterprise_learner", Other.ToString()),
        ];
        var actor = CurrentActor.From(Principal(emailVerified is null ? claims : [.. claims, ("email_verified", emailVerified)]));

        actor.EmailVerified.ShouldBeFalse();
        actor.Roles.ShouldBeEmpty();
        actor.IsOperator.ShouldBeFalse();
        actor.AdminOfEnterprises.ShouldBeEmpty();
        actor.CanAdministerEnterprise(Own).ShouldBeFalse();
        actor.CanReadEnterprise(Other).ShouldBeFalse();
        ((IRequestActor)actor).IsInRole("enterprise_admin").ShouldBeFalse();
    }

    [Fact]
    public void From_Admin_AdministersOwnEnterpriseOnly()
    {
        var actor = CurrentActor.From(Principal(
            ("sub", Guid.NewGuid().ToString()), ("email_verified", "true"), ("role", "enterprise_admin"), ("enterprise_admin", Own.ToString())));

        actor.EmailVerified.ShouldBeTrue();
        actor.CanAdministerEnterprise(Own).ShouldBeTrue();
        actor.CanAdministerEnterprise(Other).ShouldBeFalse();
    }

    [Fact]
    public void From_OperatorService_AccessesEveryEnterprise()
    {
        var actor = CurrentActor.From(Principal(("sub", "ops-bot"), ("role", "operator"), ("client_kind", "operator_service")));

        actor.Kind.ShouldBe(ActorKind.OperatorService);
        actor.UserId.ShouldBeNull();
        actor.ClientId.ShouldBe("ops-bot");
        actor.IsOperator.ShouldBeTrue();
        actor.CanAdministerEnterprise(Other).ShouldBeTrue();
    }

    [Fact]
    public void From_PartnerService_ReadsOnlyItsEnterpriseAndHasNoEmail()
    {
        var actor = CurrentActor.From(Principal(
            ("sub", "partner-x"), ("role", "partner"), ("client_kind", "partner"), ("enterprise", Own.ToString()), ("email", "spoof@example.com")));

        actor.Kind.ShouldBe(ActorKind.PartnerService);
        actor.Email.ShouldBeNull();
        actor.ClientEnterpriseId.ShouldBe(Own);
        actor.CanReadEnterprise(Own).ShouldBeTrue();
        actor.CanReadEnterprise(Other).ShouldBeFalse();
        actor.CanAdministerEnterprise(Own).ShouldBeFalse();
    }

    [Fact]
    public void From_UserClaimingEnterpriseClaim_GetsNoPartnerAccess()
    {
        var actor = CurrentActor.From(Principal(("sub", Guid.NewGuid().ToString()), ("client_kind", "user"), ("enterprise", Own.ToString())));

        actor.ClientEnterpriseId.ShouldBeNull();
        actor.CanReadEnterprise(Own).ShouldBeFalse();
    }

    [Fact]
    public void From_Scopes_AreReadFromOpenIddictScopeClaims()
    {
        var principal = Principal(("sub", Guid.NewGuid().ToString()));
        principal.SetScopes("api", "email");

        var actor = CurrentActor.From(principal);

        actor.Scopes.ShouldBe(["api", "email"], ignoreOrder: true);
        ((IRequestActor)actor).HasScope("roles").ShouldBeFalse();
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test", "name", "role"));
}
