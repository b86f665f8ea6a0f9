using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Ends everything a person signed in with before now: a new security stamp (refresh tokens and codes carry
/// the old one, the login cookie is re-checked against it) and the person's tokens and authorizations revoked
/// in OpenIddict's store. Access tokens already issued stay valid until they expire (10 minutes by default).
/// </summary>
internal sealed class Sessions(UserManager<User> users, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations)
{
    /// <param name="stampAlreadyChanged">True after an operation that renewed the stamp itself (password reset or change).</param>
    public async Task EndAllAsync(User user, bool stampAlreadyChanged, CancellationToken cancellationToken)
    {
        if (!stampAlreadyChanged)
        {
            var renewed = await users.UpdateSecurityStampAsync(user);
            if (!renewed.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", renewed.Errors.Select(e => e.Description)));
            }
        }

        var subject = user.Id.ToString();
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
