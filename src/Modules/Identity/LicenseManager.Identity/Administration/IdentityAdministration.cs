using System.Text.Json;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Administration;

/// <summary>What the Host's <c>users add</c>, <c>clients add</c> and <c>seed-demo</c> commands do.</summary>
internal sealed class IdentityAdministration(
    UserManager<User> users,
    IdentityDbContext db,
    IOpenIddictApplicationManager applications,
    Sessions sessions) : IIdentityAdministration
{
    private static readonly string[] UserRoles = [IdentityRoles.Operator, IdentityRoles.EnterpriseAdmin, IdentityRoles.Learner];
    private static readonly string[] ClientRoles = [IdentityRoles.Partner, IdentityRoles.Provisioning, IdentityRoles.Operator];

    public async Task<string> AddUserAsync(NewUser input, CancellationToken cancellationToken)
    {
        Require(UserRoles.Contains(input.Role), $"Unknown role '{input.Role}'. Allowed: {string.Join(", ", UserRoles)}.");
        var isOperator = input.Role == IdentityRoles.Operator;
        Require(isOperator || input.EnterpriseId is not null, $"Role '{input.Role}' needs --enterprise <uuid>.");
        Require(!isOperator || input.EnterpriseId is null, "Operators are global: give no --enterprise.");

        // One transaction (UserManager, OpenIddict's managers and this method share the scoped context): a failure
        // half-way, e.g. after a takeover but before the membership, leaves the account as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(input.Email);
        var created = user is null;
        var takenOver = false;
        if (user is null)
        {
            user = new User { UserName = input.Email.Trim().ToLowerInvariant(), Email = input.Email.Trim().ToLowerInvariant(), EmailConfirmed = true };
            Check(await users.CreateAsync(user, input.Password));
        }
        else if (!user.EmailConfirmed)
        {
            await TakeOverAsync(user, input.Password, cancellationToken);
            takenOver = true;
        }

        if (isOperator)
        {
            if (!await users.IsInRoleAsync(user, IdentityRoles.Operator))
            {
                Check(await users.AddToRoleAsync(user, IdentityRoles.Operator));
            }
        }
        else if (!await db.EnterpriseMemberships.AnyAsync(
                     m => m.UserId == user.Id && m.EnterpriseId == input.EnterpriseId && m.Role == input.Role, cancellationToken))
        {
            db.EnterpriseMemberships.Add(new EnterpriseMembership { UserId = user.Id, EnterpriseId = input.EnterpriseId!.Value, Role = input.Role });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var where = input.EnterpriseId is { } e ? $" of enterprise {e}" : string.Empty;
        return created ? $"Created user {user.Email} ({user.Id}) as {input.Role}{where}."
            : takenOver ? $"User {user.Email} had signed up but never verified the address: it now has the given password, " +
                          $"is verified, its earlier sessions are ended, and it is {input.Role}{where}."
            : $"User {user.Email} already exists (password unchanged); it is {input.Role}{where}.";
    }

    /// <summary>
    /// Anyone can sign up with an address they do not own; until it is verified nobody has shown it is theirs.
    /// An operator granting a role to that address vouches for it, so the account becomes the operator's:
    /// the operator's password replaces the sign-up's, the address counts as verified, and whatever the
    /// person who signed up holds (sessions, refresh tokens, the pending verification link) stops working.
    /// </summary>
    private async Task TakeOverAsync(User user, string password, CancellationToken cancellationToken)
    {
        // Validates the password first (nothing changes when it is too weak) and renews the security stamp.
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateAsync(user));
        await sessions.EndAllAsync(user, stampAlreadyChanged: true, cancellationToken);
    }

    public async Task<string> AddClientAsync(NewClient input, CancellationToken cancellationToken)
    {
        Require(ClientRoles.Contains(input.Role), $"Unknown role '{input.Role}'. Allowed: {string.Join(", ", ClientRoles)}.");
        Require(input.Role != IdentityRoles.Partner || input.EnterpriseId is not null, "A partner client needs --enterprise <uuid>.");
        Require(input.Role == IdentityRoles.Partner || input.EnterpriseId is null, $"A {input.Role} client is global: give no --enterprise.");
        Require(!string.IsNullOrWhiteSpace(input.ClientId) && input.ClientId != ClaimNames.CliClientId, "Give a --client-id of your own.");
        Require(input.Secret.Length >= 16, "The --secret must have at least 16 characters.");
        var scopes = input.Scopes.Count == 0 ? [IdentityRoles.ApiScope] : input.Scopes;
        Require(scopes.All(OpenIddictSetup.ApiScopes.Contains), $"Unknown scope; allowed: {string.Join(", ", OpenIddictSetup.ApiScopes)}.");

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = input.ClientId,
            ClientSecret = input.Secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"{input.Role} service {input.ClientId}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            Properties = { [ClaimNames.RoleProperty] = JsonSerializer.SerializeToElement(input.Role) },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (input.EnterpriseId is { } enterprise)
        {
            descriptor.Properties[ClaimNames.EnterpriseProperty] = JsonSerializer.SerializeToElement(enterprise.ToString());
        }

        var existing = await applications.FindByClientIdAsync(input.ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return $"Created client {input.ClientId} ({input.Role}; scopes {string.Join(' ', scopes)}).";
        }

        await applications.UpdateAsync(existing, descriptor, cancellationToken);
        return $"Updated client {input.ClientId} ({input.Role}; scopes {string.Join(' ', scopes)}; new secret).";
    }

    public async Task<DemoSeedResult> SeedDemoAsync(bool onlyIntoEmptyDatabase, CancellationToken cancellationToken)
    {
        DemoAccount[] accounts =
        [
            new("operator@example.com", "Operator-123!", IdentityRoles.Operator, null),
            new("admin@example.com", "Admin-123!", IdentityRoles.EnterpriseAdmin, DemoAccounts.EnterpriseId),
            new("learner@example.com", "Learner-123!", IdentityRoles.Learner, DemoAccounts.EnterpriseId),
        ];
        if (onlyIntoEmptyDatabase && await db.Users.AnyAsync(cancellationToken))
        {
            return new DemoSeedResult(false, accounts);
        }

        var created = false;
        foreach (var account in accounts)
        {
            created |= await users.FindByEmailAsync(account.Email) is null;
            await AddUserAsync(new NewUser(account.Email, account.Password, account.Role, account.EnterpriseId), cancellationToken);
        }

        return new DemoSeedResult(created, accounts);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new IdentityAdministrationException(message);
        }
    }

    private static void Check(IdentityResult result) =>
        Require(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
