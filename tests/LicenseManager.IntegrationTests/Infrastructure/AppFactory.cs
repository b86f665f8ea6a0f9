using LicenseManager.Platform.Gql.Persisted;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// The real Host (every module, real PostgreSQL) in process, on its own fresh database.
/// Use as an <c>IClassFixture</c>; subclass to add settings or test-only services.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Extra configuration, applied as host settings (seen by Program before Build).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>
    /// Sign and encrypt tokens with the run's certificate pair (<see cref="TestCertificates"/>) rather than with
    /// keys generated for this host; false for a host that must not accept other hosts' tokens.
    /// </summary>
    protected virtual bool UseRunCertificates => true;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        // Starting the server runs the migrations (a hosted service), so tests see a ready database.
        StartHost();
    }

    /// <summary>The class's own database, already migrated (a copy of the run's template).</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabase.CreateMigratedAsync();

    /// <summary>Starts the in-memory test server; a factory on a real socket (Kestrel) starts that instead.</summary>
    protected virtual void StartHost() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (ConnectionString.Length > 0)
        {
            builder.UseSetting("ConnectionStrings:LicenseManager", ConnectionString);
        }

        // Tests sign in far more often from one address than any person; the rate-limit tests set small limits.
        builder.UseSetting("Auth:RateLimits:PerAddress:PermitLimit", "1000000");
        builder.UseSetting("Auth:RateLimits:PerAccount:PermitLimit", "1000000");
        if (UseRunCertificates)
        {
            foreach (var (key, value) in TestCertificates.Settings())
            {
                builder.UseSetting(key, value);
            }
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureServices);
    }

    public GqlClient CreateGqlClient() => new(CreateClient());

    /// <summary>A client whose documents are stored as persisted operations first and sent by id (as partners must).</summary>
    public GqlClient CreatePersistedGqlClient() => new(CreateClient()) { Register = RegisterOperationAsync };

    /// <summary>Stores <paramref name="document"/> as a persisted operation (as an import would) and returns its id.</summary>
    public async Task<string> RegisterOperationAsync(string document)
    {
        var id = OperationHash.Sha256Hex(document);
        await Services.GetRequiredService<OperationStore>().AddAsync([new OperationEntry(id, document)], OperationSource.Import, CancellationToken.None);
        return id;
    }
}
