using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace LicenseManager.Licenses.Access;

/// <summary>
/// The reference's subsidy checksum: base64(HMAC-SHA256(secret, "{userId}:{contentKey}:{licenseId}")), with our
/// ids as lower-case hyphenated UUIDs. A consumer recomputes it to check a grant was made for that learner,
/// content and license.
/// </summary>
internal static class Checksum
{
    public static string Compute(string secret, Guid userId, string contentKey, Guid licenseId) =>
        new ChecksumSigner(Encoding.UTF8.GetBytes(secret)).Compute(userId, contentKey, licenseId);
}

/// <summary>
/// The checksum with the secret keyed once per thread: a one-shot <c>HMACSHA256.HashData</c> sets up a new
/// keyed context per call, which was most of the CPU of a 20-key <c>contentAccess</c>. A keyed
/// <see cref="IncrementalHash"/> is reset to the keyed state after each hash, and the message is formatted
/// into a stack buffer, so a checksum allocates only its result string.
/// </summary>
internal sealed class ChecksumSigner(byte[] key)
{
    // One keyed hash per thread (IncrementalHash is not thread-safe), for the signer that used the thread last:
    // a host has one signer; several hosts in one process (tests) just key a new one when they alternate.
    [ThreadStatic]
    private static (ChecksumSigner Owner, IncrementalHash Hash)? t_last;

    public string Compute(Guid userId, string contentKey, Guid licenseId)
    {
        if (t_last is not { } last || !ReferenceEquals(last.Owner, this))
        {
            t_last?.Hash.Dispose();
            t_last = last = (this, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));
        }

        var hmac = last.Hash;

        // Two 36-character ids, two colons, and the key's UTF-8 (at most 3 bytes per UTF-16 unit).
        var length = 74 + (contentKey.Length * 3);
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            if (!Utf8.TryWrite(buffer, $"{userId:D}:{contentKey}:{licenseId:D}", out var written))
            {
                throw new InvalidOperationException("The checksum message did not fit its buffer.");
            }

            hmac.AppendData(buffer[..written]);
            Span<byte> hash = stackalloc byte[32];
            hmac.GetHashAndReset(hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
