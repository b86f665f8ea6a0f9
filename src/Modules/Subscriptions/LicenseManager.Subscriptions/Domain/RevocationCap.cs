namespace LicenseManager.Subscriptions.Domain;

/// <summary>
/// The revocation cap in exact integers: <c>allowed = ceil(live × percentage / 100)</c> (the reference's floating
/// point gives 8 for 7% of 100), <c>remaining = allowed − applied</c> (negative when the percentage was lowered).
/// </summary>
internal static class RevocationCap
{
    public static long Allowed(long liveLicenses, int maxPercentage) =>
        (liveLicenses * maxPercentage + 99) / 100;

    public static long Remaining(long liveLicenses, int maxPercentage, int applied) =>
        Allowed(liveLicenses, maxPercentage) - applied;
}
