using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// OpenIddict server and validation in the same host, ASP.NET Core Identity for people, the login cookie,
/// and Data Protection keys in the database. Keys, issuer, lifetimes and the password grant are read lazily
/// from <see cref="AuthOptions"/> so that tests and the local launcher can configure them late.
/// </summary>
internal static class OpenIddictSetup
{
    /// <summary>Scopes clients may be granted; <c>api</c> is the one that gives the token its audience.</summary>
    public static readonly string[] ApiScopes = ["api", Scopes.Email, Scopes.Profile, Scopes.Roles];

    public static void AddAuth(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddOptions<AuthOptions>().ValidateOnStart();
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<IdentityDbContext>>().CreateDbContext());

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        var dataProtection = services.AddDataProtection().SetApplicationName("license-manager").PersistKeysToDbContext<IdentityDbContext>();
        // Keys in the database are what forge login cookies and reset links: encrypt them with the configured
        // certificate, which every instance has. Read eagerly: Data Protection takes certificates at registration.
        if (AuthCertificates.EncryptionCertificate(configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new()) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddAuthentication(options => options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.Cookie.Name = "lm.session";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // The login cookie is checked against the user's security stamp on every use (only the account pages and
        // /connect/authorize read it), so a reset or password change signs every browser out at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();
        services.AddAntiforgery(options => options.Cookie.Name = "lm.antiforgery");

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server => server
                .SetTokenEndpointUris("connect/token")
                .SetAuthorizationEndpointUris("connect/authorize")
                .SetEndSessionEndpointUris("connect/logout")
                .AllowClientCredentialsFlow()
                .AllowAuthorizationCodeFlow()
                .RequireProofKeyForCodeExchange()
                .AllowRefreshTokenFlow()
                .RegisterScopes([.. ApiScopes, Scopes.OfflineAccess])
                // Access tokens are signed, not encrypted, so other resource servers can read them with the public key.
                .DisableAccessTokenEncryption()
                .UseAspNetCore()
                .EnableTokenEndpointPassthrough()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough())
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(ClaimNames.ApiAudience);
                validation.UseAspNetCore();
            });

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<AuthOptions>, IHostEnvironment>((server, auth, environment) =>
        {
            var options = auth.Value;
            server.SigningCredentials.Add(AuthCertificates.Signing(options, environment));
            server.EncryptionCredentials.Add(AuthCertificates.Encryption(options, environment));
            if (!string.IsNullOrWhiteSpace(options.Issuer))
            {
                server.Issuer = new Uri(options.Issuer);
            }

            // PKCE with S256 only: "plain" (or no method, which means plain) lets whoever sees the code redeem it.
            server.CodeChallengeMethods.Clear();
            server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            server.AccessTokenLifetime = options.AccessTokenLifetime;
            server.RefreshTokenLifetime = options.RefreshTokenLifetime;
            if (options.EnablePasswordFlow)
            {
                server.GrantTypes.Add(GrantTypes.Password);
            }
        });
        // Behind a TLS-terminating load balancer the forwarded headers make requests HTTPS; only Production insists.
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IHostEnvironment>((aspNetCore, environment) =>
            aspNetCore.DisableTransportSecurityRequirement = !environment.IsProduction());

        services.AddScoped<PrincipalFactory>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<Sessions>();
        services.AddScoped<TokenEndpoint>();
        services.AddScoped<AuthorizeEndpoint>();
        services.AddSingleton<TokenPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPruner>());
    }

    private sealed class AuthOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
            AuthCertificates.Problem(options, environment) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
