namespace LicenseManager.Licenses.Domain;

/// <summary>
/// The revocation cap in exact integers: <c>allowed = ceil(live × percentage / 100)</c>. The reference used
/// floating point and allowed 8 for 7% of 100 (7.000000000000001 rounded up).
/// </summary>
internal static class RevocationCap
{
    public static long Allowed(long liveLicenses, int maxPercentage) =>
        (liveLicenses * maxPercentage + 99) / 100;

    /// <summary>May go negative when the percentage was lowered after revocations.</summary>
    public static long Remaining(long liveLicenses, int maxPercentage, int applied) =>
        Allowed(liveLicenses, maxPercentage) - applied;
}
