using System.Data;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>Begins <see cref="UnitOfWork"/>s on the process's data source.</summary>
public sealed class UnitOfWorkFactory(NpgsqlDataSource dataSource, ModuleContextActivators activators)
{
    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(isolation, cancellationToken);
            return new UnitOfWork(connection, transaction, activators);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
