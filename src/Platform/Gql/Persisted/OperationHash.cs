using System.Security.Cryptography;
using System.Text;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// Operation ids are hashes of the document's UTF-8 text, in lower-case hex: MD5 (32 characters, what Relay's
/// compiler and Hot Chocolate write) or SHA-256 (64, what Apollo's APQ and persisted query lists use).
/// </summary>
public static class OperationHash
{
    public static string Sha256Hex(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static string Md5Hex(string document) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>The id in canonical (lower-case) form when it has the shape of an MD5 or SHA-256 hex digest; null otherwise.</summary>
    public static string? Normalize(string? id)
    {
        if (id is null || (id.Length != 32 && id.Length != 64) || !id.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return id.ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="id"/> is the MD5 or SHA-256 hex digest of <paramref name="document"/>.</summary>
    public static bool Matches(string id, string document) =>
        Normalize(id) switch
        {
            { Length: 32 } md5 => md5 == Md5Hex(document),
            { Length: 64 } sha256 => sha256 == Sha256Hex(document),
            _ => false,
        };
}
