using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// The Npgsql data sources of the process: the request path's, shared by every module's DbContext, and
/// <see cref="BulkDataSource"/> for long set-based work. Tuned by <see cref="DatabaseOptions"/>.
/// </summary>
public static class DatabaseConnection
{
    public const string ConnectionStringName = "LicenseManager";

    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Read lazily: tests and the local-cluster launcher set the connection string after the
        // builder has been created.
        services.AddSingleton(sp =>
        {
            var (builder, options) = Builder(sp);
            builder.NoResetOnClose = options.NoResetOnClose;
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
            builder.AutoPrepareMinUsages = options.AutoPrepareMinUsages;
            builder.Multiplexing = false;
            builder.MaxPoolSize = options.MaxPoolSize;
            builder.CommandTimeout = options.CommandTimeoutSeconds;
            return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        });
        services.AddSingleton(sp =>
        {
            var (builder, options) = Builder(sp);
            if (!options.Multiplexing)
            {
                return new MultiplexedDataSource(sp.GetRequiredService<NpgsqlDataSource>(), owned: false);
            }

            builder.NoResetOnClose = options.NoResetOnClose;
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
            builder.AutoPrepareMinUsages = options.AutoPrepareMinUsages;
            builder.Multiplexing = true;
            builder.MaxPoolSize = options.MultiplexedMaxPoolSize;
            builder.CommandTimeout = options.CommandTimeoutSeconds;
            return new MultiplexedDataSource(new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), owned: true);
        });
        services.AddSingleton(sp =>
        {
            var (builder, options) = Builder(sp);
            builder.NoResetOnClose = false;
            builder.Multiplexing = false;
            builder.MaxAutoPrepare = 0;
            builder.MaxPoolSize = options.BulkMaxPoolSize;
            builder.CommandTimeout = options.BulkCommandTimeoutSeconds;
            builder.ApplicationName = (builder.ApplicationName is { Length: > 0 } name ? name + " " : string.Empty) + "bulk";
            return new BulkDataSource(new NpgsqlDataSourceBuilder(builder.ConnectionString).Build());
        });
        services.AddSingleton<ModuleContextActivators>();
        services.AddSingleton<UnitOfWorkFactory>();
        return services;
    }

    private static (NpgsqlConnectionStringBuilder Builder, DatabaseOptions Options) Builder(IServiceProvider sp)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return (new NpgsqlConnectionStringBuilder(ConnectionString(configuration)), options);
    }

    private static string ConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No connection string 'ConnectionStrings:{ConnectionStringName}' is configured. " +
                "Set it (e.g. environment variable ConnectionStrings__LicenseManager) or run the Host " +
                "without one to start a local PostgreSQL cluster under .data/postgres.");
        }

        return connectionString;
    }
}
