using System.Collections.Concurrent;
using LicenseManager.Licenses.Data;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// The hot case of contentAccess, an activated learner opening course after course, without a query per call:
/// a learner's licenses are kept for <see cref="LicensesOptions.EntitlementCacheDuration"/> only when every one
/// of them is ACTIVATED. Nothing else is kept (no license, an ASSIGNED one), so an activation or assignment
/// shows at once; a revocation stops grants on every instance within the duration.
/// </summary>
internal sealed class ActivatedLicenseCache(TimeProvider clock, TimeSpan duration)
{
    private readonly ConcurrentDictionary<(Guid Enterprise, Guid? User, string? Email), (IReadOnlyList<License> Licenses, DateTimeOffset Expires)> _entries = new();

    public bool TryGet(Guid enterprise, Guid? user, string? email, out IReadOnlyList<License> licenses)
    {
        if (duration > TimeSpan.Zero && _entries.TryGetValue((enterprise, user, email), out var entry) && entry.Expires > clock.GetUtcNow())
        {
            licenses = entry.Licenses;
            return true;
        }

        licenses = [];
        return false;
    }

    public void Offer(Guid enterprise, Guid? user, string? email, IReadOnlyList<License> licenses)
    {
        if (duration <= TimeSpan.Zero || licenses.Count == 0 || licenses.Any(l => l.Status != LicenseStatus.Activated))
        {
            return;
        }

        if (_entries.Count > TimedCache<int, int>.MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(enterprise, user, email)] = (licenses, clock.GetUtcNow() + duration);
    }
}
