namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>What a tenant-scoped check asks for.</summary>
public enum TenantAccess
{
    /// <summary>Read the tenant's data (its members and services acting for it; operators).</summary>
    Read,

    /// <summary>Change the tenant's data (its administrators; operators).</summary>
    Administer,
}

/// <summary>
/// "Who is asking", as the GraphQL kernel needs it to enforce field requirements. The Platform knows no
/// identity provider: the Identity module registers the per-request implementation (built from the
/// validated access token, never from arguments). When none is registered every caller is anonymous.
/// </summary>
public interface IRequestActor
{
    bool IsAuthenticated { get; }

    bool IsInRole(string role);

    bool HasScope(string scope);

    /// <summary>Whether the token grants <paramref name="access"/> to the tenant (an enterprise).</summary>
    bool HasTenantAccess(Guid tenantId, TenantAccess access);
}

/// <summary>The caller when no identity provider is registered: nobody.</summary>
public sealed class AnonymousActor : IRequestActor
{
    public static readonly AnonymousActor Instance = new();

    public bool IsAuthenticated => false;

    public bool IsInRole(string role) => false;

    public bool HasScope(string scope) => false;

    public bool HasTenantAccess(Guid tenantId, TenantAccess access) => false;
}
