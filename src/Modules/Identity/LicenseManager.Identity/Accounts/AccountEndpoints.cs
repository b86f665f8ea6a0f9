using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LicenseManager.Identity.Accounts;

internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/account/login", LoginPage.Get);
        endpoints.MapPost("/account/login", LoginPage.PostAsync);
        endpoints.MapGet("/account/signup", SignUpPage.Get);
        endpoints.MapPost("/account/signup", SignUpPage.PostAsync);
        endpoints.MapGet("/account/verify-email", SignUpPage.GetVerify);
        endpoints.MapPost("/account/verify-email", SignUpPage.PostVerifyAsync);
        endpoints.MapGet("/account/forgot-password", PasswordResetPages.GetForgot);
        endpoints.MapPost("/account/forgot-password", PasswordResetPages.PostForgotAsync);
        endpoints.MapGet("/account/reset-password", PasswordResetPages.GetReset);
        endpoints.MapPost("/account/reset-password", PasswordResetPages.PostResetAsync);
    }
}
