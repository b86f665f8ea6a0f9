using System.Security.Claims;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Contracts;
using OpenIddict.Abstractions;

namespace LicenseManager.UnitTests.Identity;

/// <summary>The one tenant rule, per kind of caller: which enterprises it reads and administers.</summary>
public sealed class TenantRuleTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    public static TheoryData<string, bool, bool, bool, bool> Callers => new()
    {
        // caller, reads own, reads other, administers own, administers other
        { "anonymous", false, false, false, false },
        { "operator", true, true, true, true },
        { "operator-service", true, true, true, true },
        { "admin-of-own", true, false, true, false },
        { "learner-of-own", true, false, false, false },
        { "partner-of-own", true, false, false, false },
        { "provisioning", false, false, false, false },
        { "user-without-membership", false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public void Scopes_FollowTheRule(string caller, bool readsOwn, bool readsOther, bool administersOwn, bool administersOther)
    {
        var actor = Actor(caller);

        actor.ReadableEnterprises().Includes(Own).ShouldBe(readsOwn);
        actor.ReadableEnterprises().Includes(Other).ShouldBe(readsOther);
        actor.AdministeredEnterprises().Includes(Own).ShouldBe(administersOwn);
        actor.AdministeredEnterprises().Includes(Other).ShouldBe(administersOther);
        actor.CanReadEnterprise(Own).ShouldBe(readsOwn);
        actor.CanAdministerEnterprise(Own).ShouldBe(administersOwn);
    }

    [Fact]
    public void Filter_KeepsRowsOfTheScopeOnly()
    {
        var rows = new[] { Own, Other }.AsQueryable();

        EnterpriseScope.Only([Own]).Filter(rows, e => e).ShouldBe([Own]);
        EnterpriseScope.NoEnterprise.Filter(rows, e => e).ShouldBeEmpty();
        EnterpriseScope.Every.Filter(rows, e => e).ShouldBe([Own, Other]);
    }

    private static CurrentActor Actor(string caller) => caller switch
    {
        "anonymous" => CurrentActor.From(null),
        "operator" => User(("role", "operator")),
        "operator-service" => Service("operator_service", "operator"),
        "admin-of-own" => User(("role", "enterprise_admin"), ("enterprise_admin", Own.ToString())),
        "learner-of-own" => User(("role", "learner"), ("enterprise_learner", Own.ToString())),
        "partner-of-own" => Service("partner", "partner", ("enterprise", Own.ToString())),
        "provisioning" => Service("provisioning", "provisioning"),
        _ => User(),
    };

    private static CurrentActor User(params (string Type, string Value)[] claims) =>
        From([("sub", Guid.NewGuid().ToString()), ("client_kind", "user"), ("email_verified", "true"), .. claims]);

    private static CurrentActor Service(string kind, string role, params (string Type, string Value)[] claims) =>
        From([("sub", $"{kind}-client"), ("client_kind", kind), ("role", role), .. claims]);

    private static CurrentActor From((string Type, string Value)[] claims)
    {
        var identity = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test", OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        return CurrentActor.From(new ClaimsPrincipal(identity));
    }
}
