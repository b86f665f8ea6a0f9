using LicenseManager.Identity.Auth;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// One signing/encryption certificate pair per test run, as PFX files (what Production is configured with).
/// Hosts without configured certificates generate two ephemeral 2048-bit RSA keys each, 0.1–0.5 s of CPU per
/// host (prime search), which a run of 70+ test hosts paid once per class; loading this pair costs a few ms.
/// </summary>
public static class TestCertificates
{
    public const string Password = "test-password";

    private static readonly Lazy<string> Pair = new(() =>
    {
        // Beside the throwaway clusters, named after this process: TestDatabase removes it once the process is gone.
        var directory = Path.Combine(Path.GetTempPath(), "lm-test-clusters", $"{Environment.ProcessId}-certs-{Guid.NewGuid():N}");
        CertificateFiles.Generate(directory, Password, TimeProvider.System);
        return directory;
    });

    public static string Directory => Pair.Value;

    /// <summary>The <c>Auth:*Certificate</c> settings that point a host at the run's pair.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Auth:SigningCertificate:Path", Path.Combine(Directory, CertificateFiles.SigningFile));
        yield return new("Auth:SigningCertificate:Password", Password);
        yield return new("Auth:EncryptionCertificate:Path", Path.Combine(Directory, CertificateFiles.EncryptionFile));
        yield return new("Auth:EncryptionCertificate:Password", Password);
    }
}
