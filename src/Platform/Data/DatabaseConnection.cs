using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>The one Npgsql data source of the process, shared by every module's DbContext.</summary>
public static class DatabaseConnection
{
    public const string ConnectionStringName = "LicenseManager";

    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Read lazily: tests and the local-cluster launcher set the connection string after the
        // builder has been created.
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"No connection string 'ConnectionStrings:{ConnectionStringName}' is configured. " +
                    "Set it (e.g. environment variable ConnectionStrings__LicenseManager) or run the Host " +
                    "without one to start a local PostgreSQL cluster under .data/postgres.");
            }

            return new NpgsqlDataSourceBuilder(connectionString).Build();
        });
        services.AddSingleton<ModuleContextActivators>();
        services.AddSingleton<UnitOfWorkFactory>();
        return services;
    }
}
