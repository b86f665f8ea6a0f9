namespace LicenseManager.Identity.Contracts;

/// <summary>
/// Administrative operations behind the Host's commands (<c>users add</c>, <c>clients add</c>, <c>seed-demo</c>).
/// Each is idempotent or fails with an <see cref="IdentityAdministrationException"/> whose message says why.
/// </summary>
public interface IIdentityAdministration
{
    /// <summary>
    /// Creates a verified user, or adds the role/membership to an existing verified one (its password is kept). An
    /// existing account whose email was never verified is taken over: it gets the given password, becomes verified,
    /// and its earlier sessions end (whoever signed up with the address must not inherit the grant).
    /// </summary>
    Task<string> AddUserAsync(NewUser user, CancellationToken cancellationToken);

    /// <summary>Creates a confidential client-credentials client, or updates the one with that id.</summary>
    Task<string> AddClientAsync(NewClient client, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the demo operator, enterprise admin and learner of <see cref="DemoAccounts.EnterpriseId"/>
    /// where missing. With <paramref name="onlyIntoEmptyDatabase"/> nothing is created once any user exists.
    /// </summary>
    Task<DemoSeedResult> SeedDemoAsync(bool onlyIntoEmptyDatabase, CancellationToken cancellationToken);
}

/// <summary>A user to add; <paramref name="Role"/> is <c>operator</c>, <c>enterprise_admin</c> or <c>learner</c>.</summary>
public sealed record NewUser(string Email, string Password, string Role, Guid? EnterpriseId);

/// <summary>A service client to add; <paramref name="Role"/> is <c>partner</c>, <c>provisioning</c> or <c>operator</c>.</summary>
public sealed record NewClient(string ClientId, string Secret, string Role, Guid? EnterpriseId, IReadOnlyList<string> Scopes);

/// <summary>One demo account and its password.</summary>
public sealed record DemoAccount(string Email, string Password, string Role, Guid? EnterpriseId);

/// <summary>The demo accounts, and whether this call created any of them.</summary>
public sealed record DemoSeedResult(bool Created, IReadOnlyList<DemoAccount> Accounts);

/// <summary>The fixed demo data, shared with other modules' demo seeds.</summary>
public static class DemoAccounts
{
    /// <summary>The demo enterprise customer.</summary>
    public static readonly Guid EnterpriseId = Guid.Parse("6f1c1d2e-7a4b-4e3c-9d5f-0a1b2c3d4e5f");
}

/// <summary>Bad input to an administrative operation; the message is meant for the operator.</summary>
public sealed class IdentityAdministrationException(string message) : Exception(message);
