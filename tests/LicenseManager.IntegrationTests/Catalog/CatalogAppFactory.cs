using LicenseManager.Catalog.Data;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Catalog;

/// <summary>The real Host whose Catalog context logs its SQL, so tests can count and read commands.</summary>
public sealed class CatalogAppFactory : AppFactory
{
    public SqlLog Sql { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<CatalogDbContext>(options => options.AddInterceptors(Sql));
}
