using GraphQL;
using LicenseManager.Identity.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>
/// Who sees and changes which agreements, plans and renewals: the one tenant rule (<see cref="TenantRule"/>), plus the
/// provisioning service, whose role-gated fields are not tenant-scoped (every enterprise, or the one its client record
/// names). Operators and provisioning manage; admins, learners and partners read their enterprise (root lists are for
/// admins and partners by role; learners reach a plan through their license). Another enterprise's object behaves
/// exactly like an unknown id.
/// </summary>
internal static class SubscriptionAccess
{
    public static readonly string[] ReaderRoles = [IdentityRoles.Operator, IdentityRoles.Provisioning, IdentityRoles.EnterpriseAdmin, IdentityRoles.Partner];

    public static readonly string[] ManagerRoles = [IdentityRoles.Operator, IdentityRoles.Provisioning];

    public static ICurrentActor? CurrentActor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<ICurrentActor>();

    /// <summary>The enterprises whose agreements, plans and renewals the caller may read.</summary>
    public static EnterpriseScope Readable(ICurrentActor? actor) => actor switch
    {
        null => EnterpriseScope.NoEnterprise,
        { IsAuthenticated: true, Kind: ActorKind.ProvisioningService } => Provisioned(actor),
        _ => actor.ReadableEnterprises(),
    };

    /// <summary>Whether the caller may create or change the enterprise's agreement, plans and renewals.</summary>
    public static bool CanManage(ICurrentActor? actor, Guid enterpriseCustomerId) => actor switch
    {
        { IsAuthenticated: true, IsOperator: true } => true,
        { IsAuthenticated: true, Kind: ActorKind.ProvisioningService } => Provisioned(actor).Includes(enterpriseCustomerId),
        _ => false,
    };

    /// <summary>
    /// Counts and the revocation cap are the enterprise's administrative figures: operators, provisioning, the
    /// enterprise's admins and its partner service; not its learners (who see the plan through their license).
    /// </summary>
    public static bool CanSeeFigures(ICurrentActor? actor, Guid enterpriseCustomerId) =>
        CanManage(actor, enterpriseCustomerId)
        || actor is { IsAuthenticated: true, Kind: ActorKind.User } && actor.AdminOfEnterprises.Contains(enterpriseCustomerId)
        || actor is { IsAuthenticated: true, Kind: ActorKind.PartnerService } && actor.ClientEnterpriseId == enterpriseCustomerId;

    public static IQueryable<CustomerAgreement> VisibleTo(this IQueryable<CustomerAgreement> rows, EnterpriseScope scope) =>
        scope.Filter(rows, a => a.EnterpriseCustomerId);

    public static IQueryable<SubscriptionPlan> VisibleTo(this IQueryable<SubscriptionPlan> rows, EnterpriseScope scope) =>
        scope.Filter(rows, p => p.EnterpriseCustomerId);

    public static IQueryable<SubscriptionPlanRenewal> VisibleTo(this IQueryable<SubscriptionPlanRenewal> rows, EnterpriseScope scope) =>
        scope.Filter(rows, r => r.EnterpriseCustomerId);

    /// <summary>The token's subject for the change history.</summary>
    public static string ActorName(ICurrentActor? actor) =>
        actor?.UserId?.ToString() ?? actor?.ClientId ?? "system";

    private static EnterpriseScope Provisioned(ICurrentActor actor) =>
        actor.ClientEnterpriseId is { } own ? EnterpriseScope.Only([own]) : EnterpriseScope.Every;
}
