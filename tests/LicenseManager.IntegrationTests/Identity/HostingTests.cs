using System.Net;
using System.Net.Http.Json;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class HostingTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task Preflight_FromConfiguredPortalOrigin_IsAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/connect/token");
        request.Headers.Add("Origin", "https://portal.test");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://portal.test"]);
    }

    [Fact]
    public async Task Graphql_FromUnknownOrigin_GetsNoCorsHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await factory.CreateClient().SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Discovery_AdvertisesOurEndpointsAndGrants()
    {
        var discovery = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/.well-known/openid-configuration");

        discovery!["token_endpoint"]!.GetValue<string>().ShouldEndWith("/connect/token");
        discovery["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>())
            .ShouldBe(["authorization_code", "client_credentials", "refresh_token", "password"], ignoreOrder: true);
    }
}
