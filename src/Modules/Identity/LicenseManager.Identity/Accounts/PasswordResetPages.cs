using System.Text;
using LicenseManager.Identity.Data;
using LicenseManager.Platform.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.Identity.Accounts;

/// <summary><c>/account/forgot-password</c> mails a reset link; <c>/account/reset-password</c> sets the new password.</summary>
internal static class PasswordResetPages
{
    public static IResult GetForgot(HttpContext http) =>
        Page.Render("Forgot your password?", Page.Form(http, "/account/forgot-password", Page.Input("email", "Email", "email"), "Send reset link"));

    public static async Task<IResult> PostForgotAsync(HttpContext http, UserManager<User> users, IMailSender mail)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render("Forgot your password?", Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = await users.FindByEmailAsync(form["email"].ToString());
        if (user is { IsDisabled: false, Email: not null })
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{Page.BaseUrl(http)}/account/reset-password?userId={user.Id}&token={token}";
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

    public static async Task<IResult> PostResetAsync(HttpContext http, UserManager<User> users)
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
            return Page.Render("Password changed", Page.Note("Your password is changed.") + Page.Link("/account/login", "Sign in"));
        }

        var why = result is null ? "This reset link is not valid (anymore)." : string.Join(" ", result.Errors.Select(e => e.Description));
        return Page.Render("Choose a new password", Page.Error(why), StatusCodes.Status400BadRequest);
    }
}
