namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// A document clients may run by its hash (<c>id</c>/<c>documentId</c>, or Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c>). Stored once for every instance.
/// </summary>
public sealed class PersistedOperation
{
    public const int MaxNameLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case hex MD5 (32 characters, Relay's and Hot Chocolate's default) or SHA-256 (64) of the text.</summary>
    public string Hash { get; set; } = string.Empty;

    public string Document { get; set; } = string.Empty;

    /// <summary>The operation name a manifest gave, when it gave one.</summary>
    public string? Name { get; set; }

    public OperationSource Source { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>How an operation entered the store (stored as an integer).</summary>
public enum OperationSource
{
    /// <summary><c>operations import &lt;file&gt;</c>.</summary>
    Import = 1,

    /// <summary>The <c>registerPersistedOperation</c> mutation.</summary>
    Operator = 2,

    /// <summary>Automatic persisted queries: hash + text from a caller allowed to register.</summary>
    Automatic = 3,
}
