using LicenseManager.Catalog.Data;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Catalog;

/// <summary>
/// The real Host whose Catalog context logs its SQL, so tests can count and read commands; with the
/// password grant on so tests can act as an operator (who manages catalogs).
/// </summary>
public sealed class CatalogAppFactory : IdentityAppFactory
{
    private string? _operatorToken;

    public SqlLog Sql { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureDbContext<CatalogDbContext>(options => options.AddInterceptors(Sql));
    }

    /// <summary>A client signed in as an operator (one account per test class).</summary>
    public async Task<GqlClient> OperatorAsync()
    {
        if (_operatorToken is null)
        {
            var email = await AddUserAsync(IdentityRoles.Operator);
            _operatorToken = (await Tokens().PasswordAsync(email, TestUsers.Password)).AccessToken;
        }

        return CreateGqlClient().WithBearer(_operatorToken);
    }
}
