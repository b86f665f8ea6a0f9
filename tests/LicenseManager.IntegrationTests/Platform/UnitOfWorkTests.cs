using LicenseManager.Catalog.Data;
using LicenseManager.Identity.Data;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Shouldly;

namespace LicenseManager.IntegrationTests.Platform;

using CatalogEntity = LicenseManager.Catalog.Data.EnterpriseCatalog;

/// <summary>
/// Two modules' writes in one <see cref="UnitOfWork"/>: Catalog through its DbContext and Identity through
/// its DbContext or raw commands (COPY included) commit together or not at all.
/// </summary>
public sealed class UnitOfWorkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private UnitOfWorkFactory Units => app.Services.GetRequiredService<UnitOfWorkFactory>();

    [Fact]
    public async Task CommitAsync_BothModulesWrote_BothVisible()
    {
        var catalog = NewCatalog();
        var enterprise = Guid.NewGuid();
        await using (var unit = await Units.BeginAsync(CancellationToken.None))
        {
            unit.Db<CatalogDbContext>().Catalogs.Add(catalog);
            await unit.SaveChangesAsync(CancellationToken.None);
            var userId = await InsertUserAsync(unit);
            await using (var copy = await unit.Connection.BeginBinaryImportAsync(
                "COPY identity.enterprise_memberships (user_id, enterprise_id, role) FROM STDIN (FORMAT BINARY)"))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(userId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(enterprise, NpgsqlDbType.Uuid);
                await copy.WriteAsync("learner", NpgsqlDbType.Text);
                await copy.CompleteAsync();
            }

            await unit.CommitAsync(CancellationToken.None);
        }

        (await CatalogExistsAsync(catalog.Id)).ShouldBeTrue();
        (await CountAsync($"SELECT count(*) FROM identity.enterprise_memberships WHERE enterprise_id = '{enterprise}'")).ShouldBe(1);
    }

    [Fact]
    public async Task SecondModuleFails_AfterFirstSaved_NothingOfEitherRemains()
    {
        var catalog = NewCatalog();
        await using (var unit = await Units.BeginAsync(CancellationToken.None))
        {
            unit.Db<CatalogDbContext>().Catalogs.Add(catalog);
            await unit.SaveChangesAsync(CancellationToken.None);
            (await CountInUnitAsync(unit, catalog.Id)).ShouldBe(1);

            // Identity's write fails: a membership of a user that does not exist (foreign key).
            unit.Db<IdentityDbContext>().EnterpriseMemberships.Add(new EnterpriseMembership { UserId = Guid.NewGuid(), EnterpriseId = Guid.NewGuid(), Role = "learner" });
            await Should.ThrowAsync<DbUpdateException>(() => unit.CommitAsync(CancellationToken.None));
        }

        (await CatalogExistsAsync(catalog.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task CopyFailsInSecondModule_NothingOfTheFirstRemains()
    {
        var catalog = NewCatalog();
        await using (var unit = await Units.BeginAsync(CancellationToken.None))
        {
            unit.Db<CatalogDbContext>().Catalogs.Add(catalog);
            await unit.SaveChangesAsync(CancellationToken.None);
            await Should.ThrowAsync<PostgresException>(async () =>
            {
                await using var copy = await unit.Connection.BeginBinaryImportAsync(
                    "COPY identity.enterprise_memberships (user_id, enterprise_id, role) FROM STDIN (FORMAT BINARY)");
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync("learner", NpgsqlDbType.Text);
                await copy.CompleteAsync();
            });
        }

        (await CatalogExistsAsync(catalog.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task DisposedWithoutCommit_RollsBack()
    {
        var catalog = NewCatalog();
        await using (var unit = await Units.BeginAsync(CancellationToken.None))
        {
            unit.Db<CatalogDbContext>().Catalogs.Add(catalog);
            await unit.SaveChangesAsync(CancellationToken.None);
        }

        (await CatalogExistsAsync(catalog.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task BeginBulkAsync_RunsOnTheBulkPool_WithItsLongTimeout_AndRollsBackBothModules()
    {
        var catalog = NewCatalog();
        await using (var unit = await Units.BeginBulkAsync(CancellationToken.None))
        {
            // Commands, COPY and the modules' DbContexts inherit the bulk pool's timeout, not the request path's 30 s.
            unit.Command("SELECT 1").CommandTimeout.ShouldBe(new DatabaseOptions().BulkCommandTimeoutSeconds);
            unit.Db<CatalogDbContext>().Database.GetDbConnection().ShouldBeSameAs(unit.Connection);
            await using (var name = unit.Command("SELECT current_setting('application_name')"))
            {
                ((string)(await name.ExecuteScalarAsync())!).ShouldEndWith("bulk");
            }

            unit.Db<CatalogDbContext>().Catalogs.Add(catalog);
            await unit.SaveChangesAsync(CancellationToken.None);
            unit.Db<IdentityDbContext>().EnterpriseMemberships.Add(new EnterpriseMembership { UserId = Guid.NewGuid(), EnterpriseId = Guid.NewGuid(), Role = "learner" });
            await Should.ThrowAsync<DbUpdateException>(() => unit.CommitAsync(CancellationToken.None));
        }

        (await CatalogExistsAsync(catalog.Id)).ShouldBeFalse();
        await using var hot = await Units.BeginAsync(CancellationToken.None);
        hot.Command("SELECT 1").CommandTimeout.ShouldBe(new DatabaseOptions().CommandTimeoutSeconds);
    }

    private static CatalogEntity NewCatalog() => new() { EnterpriseCustomerId = Guid.NewGuid(), Title = $"uow {Guid.NewGuid():N}" };

    private static async Task<Guid> InsertUserAsync(UnitOfWork unit)
    {
        var email = $"uow-{Guid.NewGuid():N}@example.com";
        var user = new User { Id = Guid.NewGuid(), Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, NormalizedUserName = email.ToUpperInvariant() };
        unit.Db<IdentityDbContext>().Users.Add(user);
        await unit.SaveChangesAsync(CancellationToken.None);
        return user.Id;
    }

    private static async Task<long> CountInUnitAsync(UnitOfWork unit, Guid catalogId)
    {
        await using var count = unit.Command("SELECT count(*) FROM catalog.catalogs WHERE id = @id");
        count.Parameters.AddWithValue("id", catalogId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<bool> CatalogExistsAsync(Guid id) => await CountAsync($"SELECT count(*) FROM catalog.catalogs WHERE id = '{id}'") == 1;

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
