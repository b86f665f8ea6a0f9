using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>Records the text of every SQL command a DbContext sends (add it with <c>ConfigureDbContext</c>).</summary>
public sealed class SqlLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<CapturedCommand> _captured = new();

    /// <summary>The commands with their parameters, to run again under EXPLAIN (<see cref="QueryPlans"/>).</summary>
    public IReadOnlyList<CapturedCommand> Captured => _captured.ToArray();

    public IReadOnlyList<string> Commands => _commands.ToArray();

    public IReadOnlyList<string> CommandsOn(string text) => Commands.Where(c => c.Contains(text, StringComparison.Ordinal)).ToList();

    public void Clear()
    {
        _commands.Clear();
        _captured.Clear();
    }

    private void Record(DbCommand command)
    {
        _commands.Enqueue(command.CommandText);
        var parameters = command.Parameters.Cast<Npgsql.NpgsqlParameter>().Select(p => p.Clone()).ToList();
        _captured.Enqueue(new CapturedCommand(command.CommandText, parameters));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>A command's text and (cloned) parameters.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<Npgsql.NpgsqlParameter> Parameters);
