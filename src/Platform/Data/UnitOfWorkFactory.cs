using System.Data;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// Begins <see cref="UnitOfWork"/>s: on the request path's data source (<see cref="BeginAsync"/>), or on the
/// bulk data source (<see cref="BeginBulkAsync"/>) for a million-row COPY or a 100,000-row update, which gets
/// the bulk pool's long command timeout and leaves the request path's connections alone.
/// </summary>
public sealed class UnitOfWorkFactory(NpgsqlDataSource dataSource, BulkDataSource bulk, ModuleContextActivators activators)
{
    public Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken, IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        BeginAsync(dataSource, cancellationToken, isolation);

    /// <summary>
    /// A unit of work for long set-based work. Its DbContexts and commands inherit the bulk pool's command
    /// timeout (<c>Database:BulkCommandTimeoutSeconds</c>, 600 s), COPY included.
    /// </summary>
    public Task<UnitOfWork> BeginBulkAsync(CancellationToken cancellationToken, IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        BeginAsync(bulk.Source, cancellationToken, isolation);

    private async Task<UnitOfWork> BeginAsync(NpgsqlDataSource source, CancellationToken cancellationToken, IsolationLevel isolation)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
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
