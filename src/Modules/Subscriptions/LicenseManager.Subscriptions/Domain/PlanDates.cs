namespace LicenseManager.Subscriptions.Domain;

/// <summary>Date arithmetic the plan's computed fields share (the reference's semantics, made explicit).</summary>
internal static class PlanDates
{
    /// <summary>Whole days until <paramref name="until"/>, floored like Python's <c>timedelta.days</c>: negative once past.</summary>
    public static int DaysUntil(DateTimeOffset now, DateTimeOffset until) =>
        (int)Math.Floor((until - now).TotalDays);

    /// <summary>Started and not yet expired (both ends inclusive).</summary>
    public static bool IsCurrent(DateTimeOffset now, DateTimeOffset start, DateTimeOffset expiration) =>
        start <= now && now <= expiration;
}
