using LicenseManager.IntegrationTests.Foundation.TestFields;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class DevelopmentFactory : AppFactory
{
    protected override string EnvironmentName => "Development";

    protected override void ConfigureServices(IServiceCollection services) => services.AddQueryExtension<TransportTestQueries>();
}

/// <summary>The counterpart of the production rule: in Development the exception is shown to help debugging.</summary>
public sealed class DevelopmentErrorTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task FieldError_InDevelopment_ShowsExceptionDetails()
    {
        var response = await factory.CreateGqlClient().PostAsync("{ boom }");

        response.FirstErrorCode.ShouldBe(GqlErrorInfoProvider.UnexpectedCode);
        response.Raw.ShouldContain("secret internal detail");
    }

    [Fact]
    public async Task ExpectedError_InDevelopment_HasNoStackTrace()
    {
        var response = await factory.CreateGqlClient().PostAsync("{ nodes(ids: [" + string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"{i}\"")) + "]) { id } }");

        response.FirstErrorCode.ShouldBe("NODES_LIMIT_EXCEEDED");
        response.Errors![0]!["extensions"]!["details"].ShouldBeNull();
        response.Raw.ShouldNotContain("   at ");
    }
}
