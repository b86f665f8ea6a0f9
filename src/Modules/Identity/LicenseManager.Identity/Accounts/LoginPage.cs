using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace LicenseManager.Identity.Accounts;

/// <summary>
/// <c>/account/login</c>: email + password into the session cookie, then back to the (local) return URL,
/// typically the <c>/connect/authorize</c> request of a portal.
/// </summary>
internal static class LoginPage
{
    public static IResult Get(HttpContext http, string? returnUrl) => Show(http, returnUrl, null, null);

    public static async Task<IResult> PostAsync(HttpContext http, PasswordCheck passwords, SignInManager<User> signIn)
    {
        if (!await Page.IsValidFormAsync(http))
        {
            return Page.Render("Sign in", Page.Error("The form expired; reload the page and try again."), StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string email = form["email"].ToString(), password = form["password"].ToString(), returnUrl = form["returnUrl"].ToString();
        // One answer for every failure (unknown email, wrong password, locked, disabled): see PasswordCheck.
        if (await passwords.CheckAsync(email, password) is not { } user)
        {
            return Show(http, returnUrl, email, PasswordCheck.Failed);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Results.LocalRedirect(Page.IsLocalUrl(returnUrl) ? returnUrl : "/account/login?signedIn=1");
    }

    private static IResult Show(HttpContext http, string? returnUrl, string? email, string? error)
    {
        var query = Page.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : string.Empty;
        var signedIn = http.Request.Query.ContainsKey("signedIn") ? Page.Note("You are signed in.") : string.Empty;
        return Page.Render("Sign in", signedIn + Page.Error(error) + Page.Form(http, "/account/login" + query,
            Page.Hidden("returnUrl", Page.IsLocalUrl(returnUrl) ? returnUrl : null)
            + Page.Input("email", "Email", "email", email) + Page.Input("password", "Password", "password"),
            "Sign in")
            + "<p>" + Page.Link("/account/signup" + query, "Create an account") + " · "
            + Page.Link("/account/forgot-password", "Forgot your password?") + "</p>",
            error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
