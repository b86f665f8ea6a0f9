using System.Collections.Immutable;
using System.Security.Claims;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Auth;

/// <summary>
/// Builds the principal a token is issued for, always from the current database state: a refresh after a
/// role change carries the new roles, a disabled user gets nothing. Roles and memberships are only put into
/// tokens of a verified email: whoever signs up with someone else's address must not inherit what an
/// operator grants to that address.
/// </summary>
internal sealed class PrincipalFactory(UserManager<User> users, IDbContextFactory<IdentityDbContext> contexts)
{
    public async Task<ClaimsPrincipal> ForUserAsync(User user, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var memberships = user.EmailConfirmed
            ? await db.EnterpriseMemberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync(cancellationToken)
            : [];
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        if (user.EmailConfirmed && await users.IsInRoleAsync(user, IdentityRoles.Operator))
        {
            roles.Add(IdentityRoles.Operator);
        }

        roles.UnionWith(memberships.Select(m => m.Role));

        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(ClaimNames.ClientKind, "user")
            .SetClaim(ClaimNames.SecurityStamp, user.SecurityStamp);
        identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetClaims(ClaimNames.EnterpriseAdmin, Enterprises(memberships, IdentityRoles.EnterpriseAdmin));
        identity.SetClaims(ClaimNames.EnterpriseLearner, Enterprises(memberships, IdentityRoles.Learner));
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string clientId, string role, Guid? enterpriseId, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Role, role)
            .SetClaim(ClaimNames.ClientKind, role == IdentityRoles.Operator ? "operator_service" : role);
        if (enterpriseId is { } enterprise)
        {
            identity.SetClaim(ClaimNames.ClientEnterprise, enterprise.ToString());
        }

        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "license-manager", nameType: Claims.Name, roleType: Claims.Role);

    private static ImmutableArray<string> Enterprises(List<EnterpriseMembership> memberships, string role) =>
        [.. memberships.Where(m => m.Role == role).Select(m => m.EnterpriseId.ToString()).Order(StringComparer.Ordinal)];

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetScopes(scopes);
        // A token without an audience is rejected by the API: the api scope is what grants the audience.
        identity.SetResources(scopes.Contains(IdentityRoles.ApiScope) ? [ClaimNames.ApiAudience] : []);
        identity.SetDestinations(claim => Destinations(claim, scopes));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, ImmutableArray<string> scopes)
    {
        if (claim.Type == ClaimNames.SecurityStamp)
        {
            // Stays in the server's own (encrypted) codes and refresh tokens; never in a token a client reads.
            yield break;
        }

        yield return OpenIddictConstants.Destinations.AccessToken;
        var forIdentityToken = claim.Type switch
        {
            Claims.Subject => true,
            Claims.Email or Claims.EmailVerified => scopes.Contains(Scopes.Email),
            Claims.Role or ClaimNames.EnterpriseAdmin or ClaimNames.EnterpriseLearner => scopes.Contains(Scopes.Roles),
            _ => false,
        };
        if (forIdentityToken)
        {
            yield return OpenIddictConstants.Destinations.IdentityToken;
        }
    }
}
