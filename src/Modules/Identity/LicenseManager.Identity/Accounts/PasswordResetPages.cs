using System.Text;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Data;
using LicenseManager.Platform.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.Identity.Accounts;

/// <summary>
/// <c>/account/forgot-password</c> mails a reset link; <c>/account/reset-password</c> sets the new password.
/// The link proves control of the inbox, so a reset also verifies the address, lifts a lockout and ends every
/// session from before (this is how the owner of an address takes back an account a stranger signed up).
/// </summary>
internal static class PasswordResetPages
{
    private const string ForgotTitle = "Forgot your password?";

    public static IResult GetForgot(HttpContext http) =>
        Page.Render(ForgotTitle, Page.Form(http, "/account/forgot-password", Page.Input("email", "Email", "email"), "Send reset link"));

    public static async Task<IResult> PostForgotAsync(HttpContext http, UserManager<User> users, IMailSender mail)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render(ForgotTitle, Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        if (Page.BaseUrl(http) is not { } baseUrl)
        {
            return Page.NoBaseUrl(http, ForgotTitle);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = await users.FindByEmailAsync(form["email"].ToString());
        if (user is { IsDisabled: false, Email: not null })
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{baseUrl}/account/reset-password?userId={user.Id}&token={token}";
            await mail.SendAsync(new MailMessage(user.Email, "Reset your password",
                $"Someone asked to reset your License Manager password.\n\nTo choose a new one, open:\n{link}\n\nIf it was not you, ignore this email.\n"),
                http.RequestAborted);
        }

        return Page.Render("Check your inbox", Page.Note("If an account uses that email, a reset link is on its way to it."));
    }

    public static IResult GetReset(HttpContext http, string? userId, string? token) =>
        Page.Render("Choose a new password", Page.Form(http, "/account/reset-password",
            Page.Hidden("userId", userId) + Page.Hidden("token", token) + Page.Input("password", "New password", "password"),
            "Set password"));

    public static async Task<IResult> PostResetAsync(HttpContext http, UserManager<User> users, Sessions sessions)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render("Choose a new password", Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = await users.FindByIdAsync(form["userId"].ToString());
        IdentityResult? result = null;
        if (user is not null)
        {
            try
            {
                var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(form["token"].ToString()));
                result = await users.ResetPasswordAsync(user, token, form["password"].ToString());
            }
            catch (FormatException)
            {
            }
        }

        if (result?.Succeeded == true)
        {
            user!.EmailConfirmed = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await users.UpdateAsync(user);
            // The reset renewed the security stamp; revoke what OpenIddict still holds for the old sessions too.
            await sessions.EndAllAsync(user, stampAlreadyChanged: true, http.RequestAborted);
            return Page.Render("Password changed", Page.Note("Your password is changed; every earlier sign-in has ended.") + Page.Link("/account/login", "Sign in"));
        }

        var why = result is null ? "This reset link is not valid (anymore)." : string.Join(" ", result.Errors.Select(e => e.Description));
        return Page.Render("Choose a new password", Page.Error(why), StatusCodes.Status400BadRequest);
    }
}
