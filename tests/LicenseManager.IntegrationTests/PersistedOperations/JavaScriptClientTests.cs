using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>The Host on a real socket (Kestrel on 127.0.0.1), so that Node.js clients can reach it; a fixed issuer on that address.</summary>
public sealed class KestrelFactory : IdentityAppFactory
{
    public KestrelFactory()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Auth:Issuer"] = BaseUrl };

    public override async Task InitializeAsync()
    {
        await NodeScript.EnsurePackagesAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        await base.InitializeAsync();
    }

    protected override void StartHost() => StartServer();
}

public sealed class JavaScriptClientTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task ApolloClient_PersistedQueriesLink_Miss_Register_Hit()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var token = (await factory.Tokens().PasswordAsync(email, TestUsers.Password)).AccessToken;

        var (exit, output, error) = await NodeScript.NodeAsync("tests/apq-client/apq.mjs", factory.BaseUrl + "graphql", token);

        exit.ShouldBe(0, error);
        var report = JsonNode.Parse(output)!;
        report["email"]!.GetValue<string>().ShouldBe(email);
        var exchanges = report["exchanges"]!.AsArray().Select(e => (
            Method: e!["method"]!.GetValue<string>(), Status: e["status"]!.GetValue<int>(),
            Query: e["sentQuery"]!.GetValue<bool>(), CacheControl: e["cacheControl"]?.GetValue<string>())).ToList();
        exchanges.Select(e => (e.Method, e.Status, e.Query)).ShouldBe(
        [
            ("POST", 400, false),   // hash only: PersistedQueryNotFound
            ("POST", 200, true),    // hash + text: registered and run
            ("POST", 200, false),   // hash only: hit
            ("GET", 200, false),    // hash only over GET: hit, cacheable by the caller's own cache
        ]);
        exchanges[3].CacheControl.ShouldNotBeNull().ShouldContain("private");
    }

    [Fact]
    public async Task VerifyExample_AcceptsAnAssertion_WithOnlyThePublishedKeys_AndRefusesATamperedOne()
    {
        var grant = new EntitlementGrant(Guid.NewGuid(), null, Guid.NewGuid(), "course-v1:edX+DemoX", Guid.NewGuid());
        var assertion = factory.Services.GetRequiredService<IEntitlementAssertions>().Sign(grant);
        var parts = assertion.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";

        var (exit, output, error) = await NodeScript.NodeAsync("docs/examples/verify-entitlement.mjs", factory.BaseUrl, assertion, grant.ContentKey);
        var refused = await NodeScript.NodeAsync("docs/examples/verify-entitlement.mjs", factory.BaseUrl, tampered);

        exit.ShouldBe(0, error);
        var claims = JsonNode.Parse(output)!;
        claims["license"]!.GetValue<string>().ShouldBe(grant.LicenseId.ToString());
        claims["contentKey"]!.GetValue<string>().ShouldBe(grant.ContentKey);
        refused.Exit.ShouldBe(1);
        refused.Error.ShouldContain("bad signature");
    }
}
