using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// Registers a module's DbContext: its own lower-case schema, its own migrations history table in
/// that schema, snake_case names, and a pooled factory so each resolver gets its own context.
/// The registration order is the migration order.
/// </summary>
public static class ModuleDbContexts
{
    public const string MigrationsHistoryTable = "__EFMigrationsHistory";

    /// <param name="multiplexed">
    /// Serve the module's queries from the multiplexed data source (<see cref="MultiplexedDataSource"/>): for
    /// modules whose every query is asynchronous (a synchronous one throws under multiplexing).
    /// </param>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema, bool multiplexed = false)
        where TContext : DbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
            Configure(options, multiplexed ? sp.GetRequiredService<MultiplexedDataSource>().Source : sp.GetRequiredService<NpgsqlDataSource>(), schema));
        services.AddSingleton(new ModuleMigration(schema, typeof(TContext), MigrateAsync<TContext>));
        return services;
    }

    /// <summary>Options shared by the runtime and by design-time factories (dotnet ef).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>The same options on a connection owned by a <see cref="UnitOfWork"/> (the context neither opens nor closes it).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection, string schema) =>
        options
            .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Options for <c>IDesignTimeDbContextFactory</c>: no database is contacted.</summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string schema)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, schema))
            .UseSnakeCaseNamingConvention();
        return builder.Options;
    }

    private static async Task MigrateAsync<TContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var factory = services.GetRequiredService<IDbContextFactory<TContext>>();
        await using var context = await factory.CreateDbContextAsync(cancellationToken);
        // Nothing pending (every restart, every test class's copy of the migrated template): Migrate would still
        // diff the model against the snapshot and lock the history table, tens of ms of CPU per module per start.
        // A model changed without a migration is caught by a test (MigrationTests) rather than at startup.
        if (!(await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await context.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>One module's migrations, run by <see cref="DatabaseMigrator"/> in registration order.</summary>
public sealed record ModuleMigration(string Schema, Type ContextType, Func<IServiceProvider, CancellationToken, Task> MigrateAsync);
