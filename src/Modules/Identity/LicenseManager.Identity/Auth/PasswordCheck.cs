using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Email + password for the login page and the password grant, answered alike whether or not the email has
/// an account: an unknown, disabled or locked-out account still pays for one password hash (so response time
/// does not tell them apart) and every failure is the same <see cref="Failed"/> message.
/// </summary>
internal sealed class PasswordCheck(UserManager<User> users, SignInManager<User> signIn, IPasswordHasher<User> hasher)
{
    public const string Failed =
        "The email or password is wrong (after several failed attempts an account is paused for a while).";

    private static readonly User Nobody = new();

    /// <summary>A hash of a random password, in the default format (what a real account's hash costs to check).</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>The user when the password is right and the account may sign in; null otherwise (failures count towards lockout).</summary>
    public async Task<User?> CheckAsync(string email, string password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }

    /// <summary>Hashes like a real check does, for requests that have no real password to check.</summary>
    public void SpendOneHash(string password)
    {
        hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
    }
}
