using GraphQL;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// Who sees which licenses. Operators: all. Enterprise admins and the enterprise's partner service: their
/// enterprise's. A person: their own (by user id, or by their verified email). Everything else behaves like an
/// unknown id. The enterprise scope comes from the token, never from an argument.
/// </summary>
internal static class LicenseAccess
{
    public static readonly string[] PlanReaderRoles = [IdentityRoles.Operator, IdentityRoles.EnterpriseAdmin, IdentityRoles.Partner];

    public static readonly string[] PlanAdminRoles = [IdentityRoles.Operator, IdentityRoles.EnterpriseAdmin];

    public static ICurrentActor? CurrentActor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<ICurrentActor>();

    public static bool IsGlobalOperator(this ICurrentActor? actor) =>
        actor is { IsAuthenticated: true, IsOperator: true, Kind: ActorKind.User or ActorKind.OperatorService };

    /// <summary>Reads every license of the enterprise (admins, operators, the enterprise's partner service).</summary>
    public static bool CanReadPlansOf(this ICurrentActor? actor, Guid enterpriseId) =>
        actor.IsGlobalOperator()
        || actor is { IsAuthenticated: true, Kind: ActorKind.User } && actor.AdminOfEnterprises.Contains(enterpriseId)
        || actor is { IsAuthenticated: true, Kind: ActorKind.PartnerService } && actor.ClientEnterpriseId == enterpriseId;

    /// <summary>Assigns, reminds, revokes in the enterprise's plans.</summary>
    public static bool CanManagePlansOf(this ICurrentActor? actor, Guid enterpriseId) =>
        actor.IsGlobalOperator()
        || actor is { IsAuthenticated: true, Kind: ActorKind.User } && actor.AdminOfEnterprises.Contains(enterpriseId);

    /// <summary>The person's verified email, or null: an unverified email never matches a license.</summary>
    public static string? VerifiedEmail(this ICurrentActor? actor) =>
        actor is { IsAuthenticated: true, Kind: ActorKind.User, EmailVerified: true, Email: { Length: > 0 } email } ? email.ToLowerInvariant() : null;

    public static bool Owns(this ICurrentActor? actor, License license) =>
        actor is { IsAuthenticated: true, Kind: ActorKind.User }
        && (license.UserId is { } user && user == actor.UserId
            || license.UserEmail is { } email && email == actor.VerifiedEmail());

    public static bool MaySee(this ICurrentActor? actor, License license) =>
        actor.CanReadPlansOf(license.EnterpriseCustomerId) || actor.Owns(license);

    public static IQueryable<License> VisibleTo(this IQueryable<License> licenses, ICurrentActor? actor)
    {
        if (actor.IsGlobalOperator())
        {
            return licenses;
        }

        if (actor is not { IsAuthenticated: true })
        {
            return licenses.Where(_ => false);
        }

        Guid[] enterprises = actor.Kind switch
        {
            ActorKind.User => actor.AdminOfEnterprises.ToArray(),
            ActorKind.PartnerService when actor.ClientEnterpriseId is { } e => [e],
            _ => [],
        };
        var userId = actor.Kind == ActorKind.User ? actor.UserId : null;
        var email = actor.VerifiedEmail();
        return licenses.Where(l => enterprises.Contains(l.EnterpriseCustomerId)
            || (userId != null && l.UserId == userId)
            || (email != null && l.UserEmail == email));
    }
}
