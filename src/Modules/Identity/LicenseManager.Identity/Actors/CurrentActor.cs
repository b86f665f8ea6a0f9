using System.Security.Claims;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Authorization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LicenseManager.Identity.Actors;

/// <summary>The caller as read from a validated access token; also the Platform's view for field requirements.</summary>
internal sealed class CurrentActor : ICurrentActor, IRequestActor
{
    public static readonly CurrentActor Anonymous = new();

    public bool IsAuthenticated { get; private init; }

    public ActorKind Kind { get; private init; }

    public Guid? UserId { get; private init; }

    public string? ClientId { get; private init; }

    public string? Email { get; private init; }

    public bool EmailVerified { get; private init; }

    public IReadOnlySet<string> Roles { get; private init; } = new HashSet<string>();

    public IReadOnlySet<string> Scopes { get; private init; } = new HashSet<string>();

    public IReadOnlySet<Guid> AdminOfEnterprises { get; private init; } = new HashSet<Guid>();

    public IReadOnlySet<Guid> LearnerOfEnterprises { get; private init; } = new HashSet<Guid>();

    public Guid? ClientEnterpriseId { get; private init; }

    public bool IsOperator => Roles.Contains(IdentityRoles.Operator);

    public static CurrentActor From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.GetClaim(Claims.Subject) is not { } subject)
        {
            return Anonymous;
        }

        var kind = principal.GetClaim(ClaimNames.ClientKind) switch
        {
            IdentityRoles.Partner => ActorKind.PartnerService,
            IdentityRoles.Provisioning => ActorKind.ProvisioningService,
            "operator_service" => ActorKind.OperatorService,
            _ => ActorKind.User,
        };
        var isUser = kind == ActorKind.User;
        var verified = isUser && bool.TryParse(principal.GetClaim(Claims.EmailVerified), out var v) && v;
        // A person's roles and memberships count only once the email is verified: anyone can sign up with an
        // address that is not theirs, and must not inherit what is granted to that address (tokens from
        // before this rule, or any other issuer, may still carry them).
        var grantsCount = !isUser || verified;
        return new CurrentActor
        {
            IsAuthenticated = true,
            Kind = kind,
            UserId = isUser && Guid.TryParse(subject, out var userId) ? userId : null,
            ClientId = isUser ? principal.GetPresenters().FirstOrDefault() ?? principal.GetClaim(Claims.ClientId) : subject,
            Email = isUser ? principal.GetClaim(Claims.Email) : null,
            EmailVerified = verified,
            Roles = grantsCount ? principal.GetClaims(Claims.Role).ToHashSet(StringComparer.Ordinal) : [],
            Scopes = principal.GetScopes().ToHashSet(StringComparer.Ordinal),
            AdminOfEnterprises = grantsCount ? Guids(principal, ClaimNames.EnterpriseAdmin) : [],
            LearnerOfEnterprises = grantsCount ? Guids(principal, ClaimNames.EnterpriseLearner) : [],
            ClientEnterpriseId = !isUser && Guid.TryParse(principal.GetClaim(ClaimNames.ClientEnterprise), out var enterprise) ? enterprise : null,
        };
    }

    // The tenant rule lives in Identity.Contracts (TenantRule), once, for every module and for field requirements.
    public bool CanAdministerEnterprise(Guid enterpriseId) => this.AdministeredEnterprises().Includes(enterpriseId);

    public bool CanReadEnterprise(Guid enterpriseId) => this.ReadableEnterprises().Includes(enterpriseId);

    bool IRequestActor.IsInRole(string role) => Roles.Contains(role);

    bool IRequestActor.HasScope(string scope) => Scopes.Contains(scope);

    bool IRequestActor.HasTenantAccess(Guid tenantId, TenantAccess access) => access switch
    {
        TenantAccess.Administer => CanAdministerEnterprise(tenantId),
        _ => CanReadEnterprise(tenantId),
    };

    private static HashSet<Guid> Guids(ClaimsPrincipal principal, string type) =>
        principal.GetClaims(type).Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToHashSet();
}
