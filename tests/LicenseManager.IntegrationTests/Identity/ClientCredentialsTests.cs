using System.Net;
using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class ClientCredentialsTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private const string Secret = "a-long-client-secret-1234";

    [Theory]
    [InlineData(IdentityRoles.Partner, "PartnerService", false)]
    [InlineData(IdentityRoles.Provisioning, "ProvisioningService", false)]
    [InlineData(IdentityRoles.Operator, "OperatorService", true)]
    public async Task ClientCredentials_EachRole_ActorCarriesRoleKindAndEnterprise(string role, string kind, bool isOperator)
    {
        Guid? enterprise = role == IdentityRoles.Partner ? Guid.NewGuid() : null;
        var clientId = await AddClientAsync(role, enterprise);

        var token = await factory.Tokens().ClientCredentialsAsync(clientId, Secret);

        token.Status.ShouldBe(HttpStatusCode.OK, token.Body.ToJsonString());
        var actor = await ProbeActorAsync(token.AccessToken);
        actor["kind"]!.GetValue<string>().ShouldBe(kind);
        actor["ClientId"]!.GetValue<string>().ShouldBe(clientId);
        actor["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([role]);
        actor["scopes"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([IdentityRoles.ApiScope]);
        actor["IsOperator"]!.GetValue<bool>().ShouldBe(isOperator);
        actor["ClientEnterpriseId"]?.GetValue<string>().ShouldBe(enterprise?.ToString());
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_ReturnsInvalidClient()
    {
        var clientId = await AddClientAsync(IdentityRoles.Provisioning, null);

        var token = await factory.Tokens().ClientCredentialsAsync(clientId, "not-the-secret-at-all");

        token.Status.ShouldBe(HttpStatusCode.Unauthorized);
        token.Error.ShouldBe("invalid_client");
    }

    [Fact]
    public async Task ClientCredentials_ScopeNotGranted_IsRefused()
    {
        var clientId = await AddClientAsync(IdentityRoles.Provisioning, null);

        var token = await factory.Tokens().ClientCredentialsAsync(clientId, Secret, scope: "api email");

        token.Status.ShouldBe(HttpStatusCode.BadRequest);
        token.Body["access_token"].ShouldBeNull();
        token.Body["error_description"]!.GetValue<string>().ShouldContain("scope");
    }

    [Fact]
    public async Task Me_ServiceClient_ReturnsNotAuthorized()
    {
        var clientId = await AddClientAsync(IdentityRoles.Operator, null);
        var token = await factory.Tokens().ClientCredentialsAsync(clientId, Secret);

        var response = await factory.CreateGqlClient().WithBearer(token.AccessToken).PostAsync("{ me { email } }");

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task AddClient_PartnerWithoutEnterprise_IsRefused()
    {
        var error = await Should.ThrowAsync<IdentityAdministrationException>(() => factory.AdminAsync(a =>
            a.AddClientAsync(new NewClient("partner-" + Guid.NewGuid().ToString("N"), Secret, IdentityRoles.Partner, null, []), CancellationToken.None)));

        error.Message.ShouldContain("--enterprise");
    }

    private async Task<string> AddClientAsync(string role, Guid? enterprise)
    {
        var clientId = $"{role}-{Guid.NewGuid():N}";
        await factory.AdminAsync(a => a.AddClientAsync(new NewClient(clientId, Secret, role, enterprise, []), CancellationToken.None));
        return clientId;
    }

    private async Task<JsonNode> ProbeActorAsync(string accessToken)
    {
        // Persisted, so that partners (persisted operations only) are probed the same way as everybody else.
        var data = await factory.CreatePersistedGqlClient().WithBearer(accessToken).QueryAsync("{ probeActor }");
        return JsonNode.Parse(data["probeActor"]!.GetValue<string>())!;
    }
}
