using Npgsql;

namespace LicenseManager.Platform.Data;

/// <summary>
/// The second Npgsql data source, for long set-based work (binary COPY of a million rows, 100,000-row
/// <c>UPDATE … FROM</c>): its own small pool and long command timeout, so bulk work neither times out at the
/// request path's 30 s nor takes the request path's connections. Used through <see cref="UnitOfWorkFactory.BeginBulkAsync"/>.
/// </summary>
public sealed class BulkDataSource(NpgsqlDataSource source) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public ValueTask DisposeAsync() => Source.DisposeAsync();

    public void Dispose() => Source.Dispose();
}
