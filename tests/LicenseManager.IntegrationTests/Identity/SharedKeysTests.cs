using System.Security.Cryptography.X509Certificates;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>An instance configured like production: certificates from files and a fixed issuer.</summary>
public class SharedKeysFactory : IdentityAppFactory
{
    public const string Issuer = "http://localhost/";

    /// <summary>The run's pair (<see cref="TestCertificates"/>), which every test host uses unless it opts out.</summary>
    public static string CertificateDirectory => TestCertificates.Directory;

    protected virtual bool UseSharedKeys => true;

    protected override bool UseRunCertificates => UseSharedKeys;

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Auth:Issuer"] = Issuer };
}

/// <summary>Another instance with the same keys on the database of <paramref name="connectionString"/>.</summary>
public sealed class OtherInstanceFactory(string connectionString) : SharedKeysFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:LicenseManager"] = connectionString };

    public override Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }
}

/// <summary>An instance with keys of its own (generated at its start) (and a database of its own, so that it writes no keys into the shared one).</summary>
public sealed class StrangerFactory : SharedKeysFactory
{
    protected override bool UseSharedKeys => false;
}

public sealed class SharedKeysTests(SharedKeysFactory factory) : IClassFixture<SharedKeysFactory>
{
    private const string MeQuery = "{ me { email } }";

    [Fact]
    public async Task TwoInstances_SameCertificatesAndIssuer_AcceptEachOthersTokens()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        await using var second = new OtherInstanceFactory(factory.ConnectionString);
        await second.InitializeAsync();

        var fromFirst = await factory.Tokens().PasswordAsync(email, TestUsers.Password);
        var fromSecond = await second.Tokens().PasswordAsync(email, TestUsers.Password);

        (await second.CreateGqlClient().WithBearer(fromFirst.AccessToken).PostAsync(MeQuery)).Errors.ShouldBeNull();
        (await factory.CreateGqlClient().WithBearer(fromSecond.AccessToken).PostAsync(MeQuery)).Errors.ShouldBeNull();
        // Refresh tokens are encrypted with the shared encryption certificate: redeemable on the other instance.
        (await second.Tokens().RefreshAsync(fromFirst.RefreshToken!)).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task VerificationLink_FromOneInstance_IsRedeemedOnAnother()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        await using var second = new OtherInstanceFactory(factory.ConnectionString);
        await second.InitializeAsync();
        using var _ = await new BrowserSession(factory.Browser()).SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });

        using var verified = await second.Browser().GetAsync(factory.Mail.LinkTo(email));

        verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await ProtectionKeysAsync()).ShouldAllBe(xml => xml.Contains("EncryptedData"));
    }

    [Fact]
    public async Task OtherInstance_DifferentKeys_RejectsTheToken()
    {
        var email = await factory.AddUserAsync(IdentityRoles.Learner, Guid.NewGuid());
        await using var stranger = new StrangerFactory();
        await stranger.InitializeAsync();

        var token = await factory.Tokens().PasswordAsync(email, TestUsers.Password);

        (await stranger.CreateGqlClient().WithBearer(token.AccessToken).PostAsync(MeQuery)).FirstErrorCode.ShouldBe("AUTH_NOT_AUTHENTICATED");
    }

    [Theory]
    [InlineData("license-manager", null)]
    [InlineData("another-api", "AUTH_NOT_AUTHENTICATED")]
    public async Task Graphql_SignedTokenForAudience_AcceptedOnlyForOurs(string audience, string? expectedCode)
    {
        var token = SignedAccessToken(audience);

        var response = await factory.CreateGqlClient().WithBearer(token).PostAsync(MeQuery);

        response.FirstErrorCode.ShouldBe(expectedCode, response.Raw);
    }

    private static string SignedAccessToken(string audience)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(SharedKeysFactory.CertificateDirectory, CertificateFiles.SigningFile), "test-password");
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SharedKeysFactory.Issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["email"] = "crafted@example.com",
                ["email_verified"] = true,
                ["client_kind"] = "user",
                ["scope"] = "api",
                ["client_id"] = "license-manager-cli",
                ["jti"] = Guid.NewGuid().ToString(),
            },
        });
    }

    private async Task<List<string>> ProtectionKeysAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicenseManager.Identity.Data.IdentityDbContext>();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        keys.ShouldNotBeEmpty();
        return keys;
    }
}
