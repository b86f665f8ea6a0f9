using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.Extensions.Configuration;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// The signing and encryption certificates of the authorization server as PFX files. Every instance must
/// use the same pair (and the same <c>Auth:Issuer</c>) to accept each other's tokens.
/// </summary>
internal static class CertificateFiles
{
    public const string SigningFile = "signing.pfx";
    public const string EncryptionFile = "encryption.pfx";

    /// <summary>Writes a new pair into <paramref name="directory"/>; refuses to overwrite an existing one.</summary>
    public static (string Signing, string Encryption) Generate(string directory, string? password, TimeProvider clock)
    {
        var signing = Path.Combine(directory, SigningFile);
        var encryption = Path.Combine(directory, EncryptionFile);
        if (File.Exists(signing) || File.Exists(encryption))
        {
            throw new IOException($"{directory} already holds a certificate pair; remove it first or choose another directory.");
        }

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(signing, Create("License Manager signing", X509KeyUsageFlags.DigitalSignature, clock).Export(X509ContentType.Pfx, password));
        File.WriteAllBytes(encryption, Create("License Manager encryption", X509KeyUsageFlags.KeyEncipherment, clock).Export(X509ContentType.Pfx, password));
        return (signing, encryption);
    }

    /// <summary>The Host sets this in Development and the local default (to <c>.data/certs</c>).</summary>
    public const string LocalDirectoryKey = "Auth:LocalCertificatesDirectory";

    /// <summary>
    /// Development and the local default: keep a pair in <see cref="LocalDirectoryKey"/> (created once) and
    /// point <c>Auth:*Certificate:Path</c> at it, unless certificates are configured.
    /// </summary>
    public static void UseLocalPair(IConfiguration configuration, TimeProvider clock)
    {
        if (configuration[LocalDirectoryKey] is not { Length: > 0 } directory
            || !string.IsNullOrWhiteSpace(configuration["Auth:SigningCertificate:Path"] ?? configuration["Auth:SigningCertificate:Base64"]))
        {
            return;
        }

        if (!File.Exists(Path.Combine(directory, SigningFile)))
        {
            try
            {
                Generate(directory, password: null, clock);
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, EncryptionFile)))
            {
                // Another process started at the same moment and wrote the pair first: use it.
            }
        }

        configuration["Auth:SigningCertificate:Path"] = Path.Combine(directory, SigningFile);
        configuration["Auth:EncryptionCertificate:Path"] = Path.Combine(directory, EncryptionFile);
    }

    private static X509Certificate2 Create(string subject, X509KeyUsageFlags usage, TimeProvider clock)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = clock.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
    }
}
