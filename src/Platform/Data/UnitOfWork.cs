using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// One connection and one transaction shared by several modules' DbContexts and raw Npgsql commands
/// (COPY included), so that a mutation changing two modules' tables commits or rolls back as one.
/// Modules still own their tables: each asks for its own context with <see cref="Db{TContext}"/>, and a
/// module reached through another's Contracts receives the unit of work as an argument.
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly ModuleContextActivators activators;
    private readonly Dictionary<Type, DbContext> contexts = [];
    private bool completed;

    internal UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, ModuleContextActivators activators)
    {
        Connection = connection;
        Transaction = transaction;
        this.activators = activators;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    /// <summary>The module's DbContext on this unit of work's connection and transaction (one per type).</summary>
    public TContext Db<TContext>()
        where TContext : DbContext
    {
        if (contexts.TryGetValue(typeof(TContext), out var existing))
        {
            return (TContext)existing;
        }

        var context = activators.Create<TContext>(Connection);
        context.Database.UseTransaction(Transaction);
        contexts.Add(typeof(TContext), context);
        return context;
    }

    /// <summary>A raw command enlisted in the transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>Saves every context's tracked changes, in the order the contexts were first asked for.</summary>
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        foreach (var context in contexts.Values)
        {
            await context.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Saves pending changes of every context, then commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        await SaveChangesAsync(cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts.Values)
        {
            await context.DisposeAsync();
        }

        // Disposing an uncommitted Npgsql transaction rolls it back (or finds the broken connection rolled back).
        completed = true;
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
