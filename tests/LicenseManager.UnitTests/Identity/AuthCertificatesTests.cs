using LicenseManager.Identity.Auth;
using Microsoft.Extensions.Hosting.Internal;

namespace LicenseManager.UnitTests.Identity;

public sealed class AuthCertificatesTests
{
    private static readonly CertificateOptions Configured = new() { Path = "/keys/some.pfx" };

    [Fact]
    public void Problem_ProductionWithoutCertificates_NamesTheSettingAndTheCommand()
    {
        var problem = AuthCertificates.Problem(new AuthOptions { Issuer = "https://api.example.com/" }, Environment("Production"));

        problem.ShouldNotBeNull();
        problem.ShouldContain("Auth:SigningCertificate");
        problem.ShouldContain("certs generate");
    }

    [Fact]
    public void Problem_ProductionWithoutIssuer_AsksForIt()
    {
        var options = new AuthOptions { SigningCertificate = Configured, EncryptionCertificate = Configured };

        AuthCertificates.Problem(options, Environment("Production"))!.ShouldContain("Auth:Issuer");
    }

    [Fact]
    public void Problem_ProductionFullyConfigured_None()
    {
        var options = new AuthOptions { SigningCertificate = Configured, EncryptionCertificate = Configured, Issuer = "https://api.example.com/" };

        AuthCertificates.Problem(options, Environment("Production")).ShouldBeNull();
    }

    [Fact]
    public void Problem_DevelopmentWithNothing_None()
    {
        AuthCertificates.Problem(new AuthOptions(), Environment("Development")).ShouldBeNull();
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
