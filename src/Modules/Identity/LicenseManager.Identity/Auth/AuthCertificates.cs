using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Signing and encryption keys. Configured PFX certificates are what lets several instances accept each
/// other's tokens; Production refuses to start without them. Elsewhere, unconfigured keys are ephemeral
/// (the Host points Development and the local default at certificates it keeps under <c>.data/certs</c>).
/// </summary>
internal static class AuthCertificates
{
    public static SigningCredentials Signing(AuthOptions options, IHostEnvironment environment) =>
        Load(options.SigningCertificate, "Auth:SigningCertificate", environment) is { } certificate
            ? new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256)
            : new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256);

    public static EncryptingCredentials Encryption(AuthOptions options, IHostEnvironment environment) =>
        new(Load(options.EncryptionCertificate, "Auth:EncryptionCertificate", environment) is { } certificate
                ? new X509SecurityKey(certificate)
                : new RsaSecurityKey(RSA.Create(2048)),
            SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512);

    /// <summary>The configured encryption certificate (it also protects Data Protection keys at rest), or null.</summary>
    public static X509Certificate2? EncryptionCertificate(AuthOptions options) =>
        options.EncryptionCertificate?.IsConfigured == true ? Load(options.EncryptionCertificate, "Auth:EncryptionCertificate", null) : null;

    /// <summary>The problem with the configuration in this environment, or null when keys can be had.</summary>
    public static string? Problem(AuthOptions options, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return null;
        }

        if (options.SigningCertificate?.IsConfigured != true || options.EncryptionCertificate?.IsConfigured != true)
        {
            return "Production needs Auth:SigningCertificate and Auth:EncryptionCertificate (Path or Base64, and Password): " +
                   "create them with `certs generate --output <dir>` and give every instance the same ones.";
        }

        return string.IsNullOrWhiteSpace(options.Issuer)
            ? "Production needs a fixed Auth:Issuer (the public base URL), the same on every instance."
            : null;
    }

    private static X509Certificate2? Load(CertificateOptions? options, string name, IHostEnvironment? environment)
    {
        if (options?.IsConfigured != true)
        {
            return environment?.IsProduction() == true
                ? throw new InvalidOperationException($"{name} is not configured; Production does not generate keys.")
                : null;
        }

        try
        {
            return string.IsNullOrWhiteSpace(options.Base64)
                ? X509CertificateLoader.LoadPkcs12FromFile(options.Path!, options.Password)
                : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(options.Base64), options.Password);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or FormatException)
        {
            throw new InvalidOperationException($"{name} cannot be loaded: {exception.Message}", exception);
        }
    }
}
