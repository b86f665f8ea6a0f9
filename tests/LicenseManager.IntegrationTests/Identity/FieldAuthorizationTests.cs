using LicenseManager.Identity.Contracts;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>The Platform's field requirements, through the probe fields, with real tokens.</summary>
public sealed class FieldAuthorizationTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();
    private static readonly Guid OtherEnterprise = Guid.NewGuid();

    [Fact]
    public async Task RequireRole_LearnerCallsOperatorField_NotAuthorized()
    {
        var learner = await factory.SignedInAsync(await factory.AddUserAsync(IdentityRoles.Learner, Enterprise));

        var response = await learner.PostAsync("{ probeOperatorOnly }");

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
        response.Data!["probeOperatorOnly"].ShouldBeNull();
    }

    [Fact]
    public async Task RequireRole_Operator_Resolves()
    {
        var operatorClient = await factory.SignedInAsync(await factory.AddUserAsync(IdentityRoles.Operator));

        var data = await operatorClient.QueryAsync("{ probeOperatorOnly }");

        data["probeOperatorOnly"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task RequireRole_Anonymous_NotAuthenticated()
    {
        var response = await factory.CreateGqlClient().PostAsync("{ probeOperatorOnly }");

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task RequireScope_TokenWithoutScope_NotAuthorizedAndWithScope_Resolves()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var withoutEmailScope = factory.CreateGqlClient().WithBearer((await factory.Tokens().PasswordAsync(email, TestUsers.Password, "api")).AccessToken);
        var withEmailScope = factory.CreateGqlClient().WithBearer((await factory.Tokens().PasswordAsync(email, TestUsers.Password, "api email")).AccessToken);

        (await withoutEmailScope.PostAsync("{ probeEmailScope }")).FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
        (await withEmailScope.QueryAsync("{ probeEmailScope }"))["probeEmailScope"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task RequireTenantAccess_AdminOfOwnAndOtherEnterprise_OnlyOwnResolves()
    {
        var admin = await factory.SignedInAsync(await factory.AddUserAsync(IdentityRoles.EnterpriseAdmin, Enterprise));
        const string query = "query($id: ID!) { probeAdminOf(enterpriseId: $id) }";

        var own = await admin.PostAsync(query, new { id = Enterprise.ToString() });
        var other = await admin.PostAsync(query, new { id = OtherEnterprise.ToString() });

        own.Data!["probeAdminOf"]!.GetValue<string>().ShouldBe("ok");
        other.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task RequireTenantAccess_LearnerAsksForAdministration_NotAuthorized()
    {
        var learner = await factory.SignedInAsync(await factory.AddUserAsync(IdentityRoles.Learner, Enterprise));

        var response = await learner.PostAsync("query($id: ID!) { probeAdminOf(enterpriseId: $id) }", new { id = Enterprise.ToString() });

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task EnsureTenantAccess_LearnerReadsOwnAndOtherEnterprise_OnlyOwnResolves()
    {
        var learner = await factory.SignedInAsync(await factory.AddUserAsync(IdentityRoles.Learner, Enterprise));
        const string query = "query($id: ID!) { probeReadInResolver(enterpriseId: $id) }";

        var own = await learner.PostAsync(query, new { id = Enterprise.ToString() });
        var other = await learner.PostAsync(query, new { id = OtherEnterprise.ToString() });

        own.Data!["probeReadInResolver"]!.GetValue<string>().ShouldBe("ok");
        other.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }
}
