using System.ComponentModel.DataAnnotations;
using System.Text;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Data;
using LicenseManager.Platform.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseManager.Identity.Accounts;

/// <summary>
/// Self-service accounts: <c>/account/signup</c> creates an unverified account and mails a verification link;
/// <c>/account/verify-email</c> redeems it together with the account's password. Until then the account's tokens
/// say <c>email_verified: false</c> and carry no roles or memberships.
/// </summary>
internal static class SignUpPage
{
    private const string Title = "Create an account";

    public static IResult Get(HttpContext http, string? returnUrl) => Show(http, returnUrl, null, null);

    public static async Task<IResult> PostAsync(HttpContext http, UserManager<User> users, PasswordCheck passwords, IMailSender mail)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render(Title, Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim().ToLowerInvariant();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (Page.BaseUrl(http) is not { } baseUrl)
        {
            return Page.NoBaseUrl(http, Title);
        }

        // Everything that can be wrong with the input is judged before looking the email up, and a taken email
        // answers like a free one (after the same password hash): strangers learn nothing about who has an account.
        if (await ProblemAsync(users, email, password) is { } problem)
        {
            return Show(http, returnUrl, email, problem);
        }

        var user = new User { UserName = email, Email = email };
        if (await users.FindByEmailAsync(email) is not null)
        {
            passwords.SpendOneHash(password);
        }
        else if ((await users.CreateAsync(user, password)).Succeeded)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = $"{baseUrl}/account/verify-email?userId={user.Id}&token={token}";
            await mail.SendAsync(new MailMessage(email, "Verify your email",
                $"Welcome to License Manager.\n\nOpen this link and enter your password to verify your email address:\n{link}\n\n" +
                "If you did not sign up, ignore this email; to take the account over, use \"Forgot your password?\".\n"),
                http.RequestAborted);
        }

        return Page.Render("Check your inbox",
            Page.Note($"If {email} can be registered, a verification link is on its way to it. You can sign in meanwhile.")
            + Page.Link(Page.IsLocalUrl(returnUrl) ? "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl) : "/account/login", "Sign in"));
    }

    /// <summary>The verification link opens a form: the address is verified by whoever has both the link and the password.</summary>
    public static IResult GetVerify(HttpContext http, string? userId, string? token) =>
        Page.Render("Verify your email", Page.Note("Enter the password of the account to verify its email address.")
            + Page.Form(http, "/account/verify-email",
                Page.Hidden("userId", userId) + Page.Hidden("token", token) + Page.Input("password", "Password", "password"),
                "Verify"));

    /// <summary>
    /// Whoever signs up with someone else's address makes the verification mail reach its owner: a click alone
    /// must not verify the stranger's account, so the account's password is asked for as well.
    /// </summary>
    public static async Task<IResult> PostVerifyAsync(HttpContext http, UserManager<User> users, SignInManager<User> signIn)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render("Verify your email", Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var user = await users.FindByIdAsync(form["userId"].ToString());
        IdentityResult? result = null;
        if (user is not null && (await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true)).Succeeded)
        {
            try
            {
                result = await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(form["token"].ToString())));
            }
            catch (FormatException)
            {
            }
        }

        return result?.Succeeded == true
            ? Page.Render("Email verified", Page.Note("Your email address is verified.") + Page.Link("/account/login", "Sign in"))
            : Page.Render("Not verified", Page.Error("This verification link is not valid (anymore), or the password is wrong."),
                StatusCodes.Status400BadRequest);
    }

    private static async Task<string?> ProblemAsync(UserManager<User> users, string email, string password)
    {
        if (!new EmailAddressAttribute().IsValid(email))
        {
            return "Enter a valid email address.";
        }

        var candidate = new User { UserName = email, Email = email };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Count == 0 ? null : string.Join(" ", errors);
    }

    private static IResult Show(HttpContext http, string? returnUrl, string? email, string? error) =>
        Page.Render(Title, Page.Error(error) + Page.Form(http, "/account/signup",
                Page.Hidden("returnUrl", Page.IsLocalUrl(returnUrl) ? returnUrl : null)
                + Page.Input("email", "Email", "email", email) + Page.Input("password", "Password", "password"),
                "Create account"),
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
