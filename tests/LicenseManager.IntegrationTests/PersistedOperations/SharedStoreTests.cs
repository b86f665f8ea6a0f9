using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Persisted;
using static LicenseManager.IntegrationTests.PersistedOperations.PersistedApi;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>An instance where anonymous callers may register (so the test needs no shared signing keys).</summary>
public class OpenRegistrationFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["GraphQL:PersistedOperations:AnonymousRegistration"] = "true",
    };
}

/// <summary>A second Host on the first one's database.</summary>
public sealed class SecondInstanceFactory(string connectionString) : OpenRegistrationFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:LicenseManager"] = connectionString };

    public override Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }
}

public sealed class SharedStoreTests(OpenRegistrationFactory factory) : IClassFixture<OpenRegistrationFactory>
{
    [Fact]
    public async Task TwoInstances_ShareOneStore()
    {
        await using var second = new SecondInstanceFactory(factory.ConnectionString);
        await second.InitializeAsync();
        var document = Unique(NodesQuery);
        var hash = OperationHash.Sha256Hex(document);
        var variables = new { ids = Ids(1) };

        // Each instance has looked the hash up (and missed) before the other registers it: misses are not remembered.
        (await PostAsync(factory.CreateGqlClient(), Apq(hash))).FirstErrorCode.ShouldBe("HC0020");
        (await PostAsync(second.CreateGqlClient(), Apq(hash))).FirstErrorCode.ShouldBe("HC0020");
        (await PostAsync(factory.CreateGqlClient(), Apq(hash, document, variables))).Data.ShouldNotBeNull();
        var onSecond = await PostAsync(second.CreateGqlClient(), Apq(hash, variables: variables));

        onSecond.Data!["nodes"]!.AsArray().Count.ShouldBe(1, onSecond.Raw);

        var imported = Unique("{ __typename }");
        (await ImportAsync(second.Services, RelayManifest(imported))).Exit.ShouldBe(0);
        (await PostAsync(factory.CreateGqlClient(), new { id = OperationHash.Md5Hex(imported) })).Data!["__typename"]!.GetValue<string>().ShouldBe("Query");
    }
}
