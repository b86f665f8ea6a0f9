using LicenseManager.IntegrationTests.Foundation.TestFields;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Foundation;

/// <summary>The real Host plus test-only fields, with small limits so each limit can be hit cheaply.</summary>
public sealed class TransportFactory : AppFactory
{
    public const int MaxRequestBytes = 4096;
    public const int MaxDepth = 6;
    public const int MaxComplexity = 200;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:MaxRequestBytes"] = MaxRequestBytes.ToString(),
        ["GraphQL:MaxDepth"] = MaxDepth.ToString(),
        ["GraphQL:MaxComplexity"] = MaxComplexity.ToString(),
        ["GraphQL:ExecutionTimeout"] = "00:00:02",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddQueryExtension<TransportTestQueries>();
        services.AddMutationExtension<TransportTestMutations>();
    }
}
