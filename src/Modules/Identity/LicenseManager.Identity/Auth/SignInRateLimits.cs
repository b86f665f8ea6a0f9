using System.Threading.RateLimiting;
using LicenseManager.Identity.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Rate limits in front of everything that checks a password or secret or sends account mail (the account pages'
/// posts, the password and client-credentials grants): one budget per client address and one per account (the email, user or client the
/// request names), both fixed windows from <see cref="AuthOptions.RateLimits"/>. Lockout stays behind them; the
/// limits bound how fast one address can guess or lock accounts, and how often any account can be tried.
/// </summary>
internal static class SignInRateLimits
{
    private static readonly PathString[] Limited =
    [
        "/connect/token", "/account/login", "/account/signup", "/account/forgot-password", "/account/reset-password", "/account/verify-email",
    ];

    public static void Add(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((options, auth) =>
        {
            var limits = auth.Value.RateLimits;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(limits.PerAddress, http => "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")),
                Partitioned(limits.PerAccount, Account));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
    }

    /// <summary>Before authentication, where OpenIddict would check a client secret or code.</summary>
    public static void Use(IApplicationBuilder app)
    {
        // Partitions are chosen synchronously: read the (small, url-encoded) form of a limited request first.
        app.Use(async (http, next) =>
        {
            if (IsLimitedPath(http) && http.Request.HasFormContentType)
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }

            await next(http);
        });
        app.UseRateLimiter();
    }

    private static bool IsLimitedPath(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && Limited.Any(path => http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Requests that check something guessable: the account posts, and the password and client-credentials grants.
    /// Refresh and code grants carry long random values and come from every person of a portal (many share one
    /// office address), so they are not counted.
    /// </summary>
    private static bool IsLimited(HttpContext http) =>
        IsLimitedPath(http)
        && (!http.Request.Path.StartsWithSegments("/connect")
            || (http.Request.HasFormContentType && http.Request.Form["grant_type"].ToString() is "password" or "client_credentials"));

    private static PartitionedRateLimiter<HttpContext> Partitioned(RateLimitOptions limit, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsLimited(http) && key(http) is { } partition
                ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));

    /// <summary>
    /// The account a request is about — the email (pages, password grant), the user id (links) or the client id
    /// (client credentials) —
    /// with one budget for signing in and separate ones for mails and links, so that someone spending an
    /// account's sign-in budget does not also keep its owner from asking for a reset link.
    /// </summary>
    private static string? Account(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        var form = http.Request.Form;
        var path = http.Request.Path;
        var (purpose, field) = path.StartsWithSegments("/connect")
                ? ("sign-in", form["grant_type"].ToString() == "password" ? "username" : "client_id")
            : path.StartsWithSegments("/account/login") ? ("sign-in", "email")
            : path.StartsWithSegments("/account/signup") || path.StartsWithSegments("/account/forgot-password") ? ("mail", "email")
            : ("link", "userId");
        var account = field is null ? string.Empty : form[field].ToString().Trim();
        return account.Length == 0 ? null : $"{purpose}:{account.ToLowerInvariant()}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        const string message = "Too many attempts; wait a while and try again.";
        if (http.Request.Path.StartsWithSegments("/connect"))
        {
            await http.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["error"] = "temporarily_unavailable", ["error_description"] = message,
            }, cancellationToken);
            return;
        }

        await Page.Render("Too many attempts", Page.Error(message), StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
