using GraphQL;
using LicenseManager.Identity.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>
/// Who sees and changes which agreements, plans and renewals. Operators: every enterprise. The provisioning
/// service: what it provisions (every enterprise, or only the one its client record names). Enterprise admins
/// and a partner service: their own enterprise, read-only. Learners read a plan only through their own license.
/// The scope comes from the token only, so another enterprise's object behaves exactly like an unknown id.
/// </summary>
internal static class SubscriptionAccess
{
    public static readonly string[] ReaderRoles = [IdentityRoles.Operator, IdentityRoles.Provisioning, IdentityRoles.EnterpriseAdmin, IdentityRoles.Partner];

    public static readonly string[] ManagerRoles = [IdentityRoles.Operator, IdentityRoles.Provisioning];

    public static ICurrentActor? CurrentActor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<ICurrentActor>();

    /// <summary>The enterprises the caller may read; null means all of them.</summary>
    public static IReadOnlyCollection<Guid>? ReadableEnterprises(ICurrentActor? actor) => actor switch
    {
        null or { IsAuthenticated: false } => [],
        { IsOperator: true, Kind: ActorKind.User or ActorKind.OperatorService } => null,
        { Kind: ActorKind.ProvisioningService, ClientEnterpriseId: null } => null,
        { Kind: ActorKind.ProvisioningService or ActorKind.PartnerService, ClientEnterpriseId: { } own } => [own],
        { Kind: ActorKind.User } => actor.AdminOfEnterprises.ToArray(),
        _ => [],
    };

    /// <summary>Like <see cref="ReadableEnterprises"/>, plus the enterprises where the person is a learner (a plan seen through a license).</summary>
    public static IReadOnlyCollection<Guid>? PlanViewerEnterprises(ICurrentActor? actor) =>
        ReadableEnterprises(actor) is { } readable && actor is { Kind: ActorKind.User }
            ? readable.Concat(actor.LearnerOfEnterprises).Distinct().ToArray()
            : ReadableEnterprises(actor);

    /// <summary>Whether the caller may create or change the enterprise's agreement, plans and renewals.</summary>
    public static bool CanManage(ICurrentActor? actor, Guid enterpriseCustomerId) => actor switch
    {
        { IsAuthenticated: true, IsOperator: true, Kind: ActorKind.User or ActorKind.OperatorService } => true,
        { IsAuthenticated: true, Kind: ActorKind.ProvisioningService } => actor.ClientEnterpriseId is null || actor.ClientEnterpriseId == enterpriseCustomerId,
        _ => false,
    };

    public static bool CanRead(IReadOnlyCollection<Guid>? enterprises, Guid enterpriseCustomerId) =>
        enterprises is null || enterprises.Contains(enterpriseCustomerId);

    public static IQueryable<CustomerAgreement> VisibleTo(this IQueryable<CustomerAgreement> rows, IReadOnlyCollection<Guid>? enterprises) =>
        enterprises is null ? rows : rows.Where(a => enterprises.Contains(a.EnterpriseCustomerId));

    public static IQueryable<SubscriptionPlan> VisibleTo(this IQueryable<SubscriptionPlan> rows, IReadOnlyCollection<Guid>? enterprises) =>
        enterprises is null ? rows : rows.Where(p => enterprises.Contains(p.EnterpriseCustomerId));

    public static IQueryable<SubscriptionPlanRenewal> VisibleTo(this IQueryable<SubscriptionPlanRenewal> rows, IReadOnlyCollection<Guid>? enterprises) =>
        enterprises is null ? rows : rows.Where(r => enterprises.Contains(r.EnterpriseCustomerId));

    /// <summary>The token's subject for the change history.</summary>
    public static string ActorName(ICurrentActor? actor) =>
        actor?.UserId?.ToString() ?? actor?.ClientId ?? "system";
}
