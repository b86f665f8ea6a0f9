using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class MigrationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // The modules' schemas and the kernel's own (persisted operations), each with its own history.
    private static readonly string[] ModuleSchemas = ["platform", "identity", "catalog", "subscriptions", "licenses"];

    [Fact]
    public async Task Startup_EachModule_HasItsSchemaAndItsOwnHistoryTable()
    {
        var historyTables = await StringsAsync(
            factory.ConnectionString,
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory' ORDER BY 1");

        historyTables.ShouldBe(ModuleSchemas.Order().ToArray());
    }

    [Fact]
    public async Task Migrate_RunTwice_ChangesNothing()
    {
        var before = await HistoryAsync(factory.ConnectionString);

        await factory.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await factory.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        (await HistoryAsync(factory.ConnectionString)).ShouldBe(before);
        before.ShouldNotBeEmpty();
    }

    [Fact]
    public void Model_EachModule_HasNoChangesWithoutAMigration()
    {
        // Startup skips Migrate (and so EF's own pending-model check) when every migration is applied: this is that check.
        var migrations = factory.Services.GetServices<ModuleMigration>().Where(m => m.ContextType.IsSubclassOf(typeof(DbContext))).ToList();
        migrations.Count.ShouldBe(ModuleSchemas.Length);
        foreach (var migration in migrations)
        {
            var factoryType = typeof(IDbContextFactory<>).MakeGenericType(migration.ContextType);
            var contextFactory = factory.Services.GetRequiredService(factoryType);
            using var context = (DbContext)factoryType.GetMethod(nameof(IDbContextFactory<DbContext>.CreateDbContext))!.Invoke(contextFactory, null)!;
            context.Database.HasPendingModelChanges().ShouldBeFalse($"{migration.ContextType.Name} has model changes without a migration (dotnet ef migrations add)");
        }
    }

    [Fact]
    public async Task Migrate_TwoInstancesAtOnceOnAFreshDatabase_BothSucceed()
    {
        await using var first = new FreshDatabaseFactory();
        await using var second = new FreshDatabaseFactory();
        await first.InitializeAsync();
        second.UseDatabase(first.ConnectionString);

        // Two hosts starting together: each runs every module's migrations under the advisory lock.
        await Task.WhenAll(
            Task.Run(() => first.Server),
            Task.Run(() => second.Server));

        // The same migrations as one instance applied alone, each once.
        (await HistoryAsync(first.ConnectionString)).ShouldBe(await HistoryAsync(factory.ConnectionString));
    }

    private static async Task<List<string>> HistoryAsync(string connectionString)
    {
        var unions = string.Join(" UNION ALL ", ModuleSchemas.Select(s => $"SELECT '{s}:' || migration_id FROM \"{s}\".\"__EFMigrationsHistory\""));
        return await StringsAsync(connectionString, $"SELECT * FROM ({unions}) h ORDER BY 1");
    }

    internal static async Task<List<string>> StringsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private sealed class FreshDatabaseFactory : AppFactory
    {
        private string? _database;

        public void UseDatabase(string connectionString) => _database = connectionString;

        public override async Task InitializeAsync() => _database ??= await TestDatabase.CreateAsync();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:LicenseManager"] = _database,
        };

        public new string ConnectionString => _database!;
    }
}

/// <summary>A module switched off contributes nothing, not even its tables.</summary>
public sealed class CatalogOffFactory : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Modules:Catalog:Enabled"] = "false" };

    // An empty database, not the run's template: the test is about what this configuration migrates.
    protected override Task<string> CreateDatabaseAsync() => TestDatabase.CreateAsync();
}

public sealed class ModuleSwitchTests(CatalogOffFactory factory) : IClassFixture<CatalogOffFactory>
{
    [Fact]
    public async Task DisabledModule_IsNotMigrated()
    {
        var schemas = await MigrationTests.StringsAsync(
            factory.ConnectionString,
            "SELECT schema_name::text FROM information_schema.schemata WHERE schema_name IN ('identity','catalog','subscriptions','licenses') ORDER BY 1");

        schemas.ShouldBe(["identity", "licenses", "subscriptions"]);
    }

    [Fact]
    public void DisabledModule_IsNotRegistered()
    {
        var modules = factory.Services.GetRequiredService<IReadOnlyList<LicenseManager.Platform.Modules.IModule>>();

        modules.Select(m => m.Name).ShouldBe(["Identity", "Subscriptions", "Licenses"]);
    }
}
