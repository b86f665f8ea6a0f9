using System.Security.Cryptography;
using System.Text;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// The reference's subsidy checksum: base64(HMAC-SHA256(secret, "{userId}:{contentKey}:{licenseId}")), with our
/// ids as lower-case hyphenated UUIDs. A consumer recomputes it to check a grant was made for that learner,
/// content and license.
/// </summary>
internal static class Checksum
{
    public static string Compute(string secret, Guid userId, string contentKey, Guid licenseId) =>
        Compute(Encoding.UTF8.GetBytes(secret), userId, contentKey, licenseId);

    /// <summary>With the key's bytes prepared once (the hot path checks up to 100 keys per call).</summary>
    public static string Compute(byte[] key, Guid userId, string contentKey, Guid licenseId)
    {
        var message = Encoding.UTF8.GetBytes($"{userId:D}:{contentKey}:{licenseId:D}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }
}
