using System.Collections.Concurrent;
using System.Security.Claims;
using LicenseManager.Identity.Actors;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Access tokens that passed OpenIddict's full validation (signature, lifetime, issuer, audience), keyed by
/// the exact <c>Authorization</c> header text, with the principal and the actor read from its claims. An
/// entry is used only while the token's own <c>exp</c> is in the future (the injected clock decides, as it
/// does for OpenIddict), so a cached token stops working exactly when it would have been refused anyway.
/// A changed byte is another key, so a tampered token is always validated in full (and refused). Bounded:
/// at <see cref="Capacity"/> entries the expired ones are dropped, and if that is not enough, all of them.
/// </summary>
internal sealed class AccessTokenCache(TimeProvider clock)
{
    /// <summary>Enough for every caller active within a token's lifetime on one instance; about 2 KB each.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string header, out Entry entry)
    {
        if (_entries.TryGetValue(header, out entry!))
        {
            if (clock.GetUtcNow() < entry.ExpiresAt)
            {
                return true;
            }

            _entries.TryRemove(header, out _);
        }

        return false;
    }

    public void Add(string header, ClaimsPrincipal principal, CurrentActor actor, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
        {
            return;
        }

        if (_entries.Count >= Capacity)
        {
            Evict(now);
        }

        _entries[header] = new Entry(principal, actor, expiresAt);
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        // Still full of live tokens (a flood of distinct valid tokens): start over rather than grow.
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    internal sealed record Entry(ClaimsPrincipal Principal, CurrentActor Actor, DateTimeOffset ExpiresAt);
}
