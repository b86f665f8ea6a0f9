using System.Collections.Concurrent;
using LicenseManager.Platform.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>One operation to register: its id (a hash of the text) and text, and the name a manifest gave.</summary>
public sealed record OperationEntry(string Id, string Document, string? Name = null);

/// <summary>
/// The persisted operations of every instance, in <c>platform.persisted_operations</c>, with each instance's
/// own bounded memory of texts by hash. Only hits are remembered: an operation another instance registers
/// a moment later must not stay "not found" here. Parsed and validated documents are then cached by their
/// text in <see cref="DocumentCache"/>, like any other document.
/// </summary>
public sealed class OperationStore(
    IDbContextFactory<PlatformDbContext> contexts,
    TimeProvider clock,
    IOptions<PersistedOperationsOptions> options)
{
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The text stored under <paramref name="id"/> (any case), or null.</summary>
    public async Task<string?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (OperationHash.Normalize(id) is not { } hash)
        {
            return null;
        }

        if (_texts.TryGetValue(hash, out var text))
        {
            return text;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        text = await db.PersistedOperations.AsNoTracking()
            .Where(o => o.Hash == hash)
            .Select(o => o.Document)
            .SingleOrDefaultAsync(cancellationToken);
        if (text is not null)
        {
            Remember(hash, text);
        }

        return text;
    }

    /// <summary>
    /// Stores every entry whose hash is not stored yet, in one statement (all or nothing); the caller has
    /// verified the hashes. Returns how many were new.
    /// </summary>
    public async Task<int> AddAsync(IReadOnlyCollection<OperationEntry> entries, OperationSource source, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var ids = entries.Select(_ => Guid.CreateVersion7()).ToArray();
        var hashes = entries.Select(e => OperationHash.Normalize(e.Id) ?? throw new ArgumentException($"'{e.Id}' is not a hash.", nameof(entries))).ToArray();
        var documents = entries.Select(e => e.Document).ToArray();
        var names = entries.Select(e => e.Name).ToArray();
        var now = clock.GetUtcNow();
        var sourceValue = (int)source;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Set-based; a hash stored by another instance (or twice in one manifest) is kept as it is.
        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO platform.persisted_operations (id, hash, document, name, source, registered_at)
            SELECT u.id, u.hash, u.document, u.name, {sourceValue}, {now}
            FROM unnest({ids}, {hashes}, {documents}, {names}) AS u(id, hash, document, name)
            ON CONFLICT (hash) DO NOTHING
            """,
            cancellationToken);
    }

    private void Remember(string hash, string text)
    {
        // Bounded like DocumentCache: a fixed set of operations fits; anything else starts over.
        if (_texts.Count >= options.Value.CacheSize)
        {
            _texts.Clear();
        }

        _texts.TryAdd(hash, text);
    }
}
