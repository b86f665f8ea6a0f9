namespace LicenseManager.Platform.Data;

/// <summary>
/// Section <c>Database</c>: how the two Npgsql data sources are tuned (see docs/decisions/0002-npgsql-data-sources.md).
/// The connection string says where the database is; these say how the process uses it.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Keep session state across pool rentals instead of resetting it (<c>DISCARD ALL</c>-like work on every
    /// open). Safe because nothing on the request path sets session state (<c>SET LOCAL</c> inside
    /// transactions only); the migrator's session lock is on the bulk data source, released in a finally block.
    /// </summary>
    public bool NoResetOnClose { get; set; } = true;

    /// <summary>Statements prepared automatically per connection after <see cref="AutoPrepareMinUsages"/> uses (0 turns it off).</summary>
    public int MaxAutoPrepare { get; set; } = 128;

    public int AutoPrepareMinUsages { get; set; } = 2;

    /// <summary>
    /// Npgsql multiplexing (commands of concurrent requests pipelined on a few connections) for the modules
    /// that opt in (<c>AddModuleDbContext(…, multiplexed: true)</c>, <see cref="MultiplexedDataSource"/>). Not for
    /// the whole request path: with it every synchronous command fails, and Data Protection's key store (login
    /// pages, antiforgery) is synchronous; see docs/decisions/0002-npgsql-data-sources.md. False: opted-in
    /// modules use the ordinary request-path source.
    /// </summary>
    public bool Multiplexing { get; set; } = true;

    /// <summary>Physical connections of the multiplexed source (few: that is the point).</summary>
    public int MultiplexedMaxPoolSize { get; set; } = 10;

    /// <summary>Connections of the request path's pool.</summary>
    public int MaxPoolSize { get; set; } = 50;

    /// <summary>Command timeout of the request path, seconds (a page or a lookup; the GraphQL timeout cancels sooner).</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Connections of the bulk pool (COPY of a million rows, 100,000-row updates): few, so bulk work queues instead of taking the request path's.</summary>
    public int BulkMaxPoolSize { get; set; } = 4;

    /// <summary>Command timeout of the bulk pool, seconds: long enough for a million-row COPY on a busy server.</summary>
    public int BulkCommandTimeoutSeconds { get; set; } = 600;
}
