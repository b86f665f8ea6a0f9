using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// The request path's data source for modules that opt in (<c>AddModuleDbContext(…, multiplexed: true)</c>):
/// Npgsql multiplexing, i.e. the commands of concurrent requests pipelined on a few physical connections.
/// Only for fully asynchronous modules: under multiplexing every synchronous command throws. With
/// <c>Database:Multiplexing</c> false it is the ordinary request-path source.
/// </summary>
public sealed class MultiplexedDataSource(NpgsqlDataSource source, bool owned) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public ValueTask DisposeAsync() => owned ? Source.DisposeAsync() : ValueTask.CompletedTask;
}
