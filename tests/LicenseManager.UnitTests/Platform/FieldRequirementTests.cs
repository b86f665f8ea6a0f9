using GraphQL;
using LicenseManager.Platform.Gql.Authorization;

namespace LicenseManager.UnitTests.Platform;

public sealed class FieldRequirementTests
{
    private static readonly IResolveFieldContext NoContext = new ResolveFieldContext();

    [Fact]
    public void RoleRequirement_Anonymous_NotAuthenticated()
    {
        new RoleRequirement(["operator"]).Check(AnonymousActor.Instance, NoContext)!.Code.ShouldBe(AuthErrors.NotAuthenticatedCode);
    }

    [Fact]
    public void RoleRequirement_OtherRole_NotAuthorized()
    {
        new RoleRequirement(["operator"]).Check(new Actor(["learner"]), NoContext)!.Code.ShouldBe(AuthErrors.NotAuthorizedCode);
    }

    [Fact]
    public void RoleRequirement_AnyOfTheRoles_Met()
    {
        new RoleRequirement(["operator", "provisioning"]).Check(new Actor(["provisioning"]), NoContext).ShouldBeNull();
    }

    [Fact]
    public void ScopeRequirement_ScopeMissing_NotAuthorized()
    {
        new ScopeRequirement("catalog").Check(new Actor([]), NoContext)!.Code.ShouldBe(AuthErrors.NotAuthorizedCode);
    }

    private sealed class Actor(string[] roles) : IRequestActor
    {
        public bool IsAuthenticated => true;

        public bool IsInRole(string role) => roles.Contains(role);

        public bool HasScope(string scope) => false;

        public bool HasTenantAccess(Guid tenantId, TenantAccess access) => false;
    }
}
