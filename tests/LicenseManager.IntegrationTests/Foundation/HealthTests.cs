using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class HealthTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithDatabase_IsHealthy(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}

/// <summary>Every module and the kernel's operation store switched off, and a database that does not answer.</summary>
public sealed class NoDatabaseFactory : AppFactory
{
    public override Task InitializeAsync() => Task.CompletedTask;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:LicenseManager"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2",
        ["Modules:Identity:Enabled"] = "false",
        ["Modules:Catalog:Enabled"] = "false",
        ["Modules:Subscriptions:Enabled"] = "false",
        ["Modules:Licenses:Enabled"] = "false",
        ["GraphQL:PersistedOperations:Enabled"] = "false",
    };
}

public sealed class HealthWithoutDatabaseTests(NoDatabaseFactory factory) : IClassFixture<NoDatabaseFactory>
{
    [Fact]
    public async Task Ready_DatabaseDown_Is503()
    {
        using var response = await factory.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Live_DatabaseDown_IsStillHealthy()
    {
        using var response = await factory.CreateClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
