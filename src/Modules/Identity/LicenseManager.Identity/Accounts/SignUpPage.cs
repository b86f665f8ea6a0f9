using System.Text;
using LicenseManager.Identity.Data;
using LicenseManager.Platform.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.Identity.Accounts;

/// <summary>
/// Self-service accounts: <c>/account/signup</c> creates an unverified account and mails a verification link;
/// <c>/account/verify-email</c> redeems it. Until then the account's tokens say <c>email_verified: false</c>.
/// </summary>
internal static class SignUpPage
{
    public static IResult Get(HttpContext http, string? returnUrl) => Show(http, returnUrl, null, null);

    public static async Task<IResult> PostAsync(HttpContext http, UserManager<User> users, IMailSender mail)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render("Create an account", Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim().ToLowerInvariant();
        var returnUrl = form["returnUrl"].ToString();
        // Saying "already registered" would tell strangers who has an account: both cases answer alike.
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new User { UserName = email, Email = email };
            var created = await users.CreateAsync(user, form["password"].ToString());
            if (!created.Succeeded)
            {
                return Show(http, returnUrl, email, string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = $"{Page.BaseUrl(http)}/account/verify-email?userId={user.Id}&token={token}";
            await mail.SendAsync(new MailMessage(email, "Verify your email",
                $"Welcome to License Manager.\n\nOpen this link to verify your email address:\n{link}\n"), http.RequestAborted);
        }

        return Page.Render("Check your inbox",
            Page.Note($"If {email} can be registered, a verification link is on its way to it. You can sign in meanwhile.")
            + Page.Link(Page.IsLocalUrl(returnUrl) ? "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl) : "/account/login", "Sign in"));
    }

    public static async Task<IResult> VerifyAsync(string? userId, string? token, UserManager<User> users)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        IdentityResult? result = null;
        if (user is not null && token is not null)
        {
            try
            {
                result = await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)));
            }
            catch (FormatException)
            {
            }
        }

        return result?.Succeeded == true
            ? Page.Render("Email verified", Page.Note("Your email address is verified.") + Page.Link("/account/login", "Sign in"))
            : Page.Render("Link not valid", Page.Error("This verification link is not valid (anymore)."), StatusCodes.Status400BadRequest);
    }

    private static IResult Show(HttpContext http, string? returnUrl, string? email, string? error) =>
        Page.Render("Create an account", Page.Error(error) + Page.Form(http, "/account/signup",
                Page.Hidden("returnUrl", Page.IsLocalUrl(returnUrl) ? returnUrl : null)
                + Page.Input("email", "Email", "email", email) + Page.Input("password", "Password", "password"),
                "Create account"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
