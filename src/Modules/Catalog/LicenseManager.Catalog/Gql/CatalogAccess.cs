using GraphQL;
using LicenseManager.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Gql;

using LicenseManager.Catalog.Data;

/// <summary>
/// Who reads which catalogs: operators every enterprise's; enterprise admins and learners their own
/// enterprises'. Everybody else (services, people without a membership) none. The enterprise scope comes
/// from the token only, so another enterprise's catalog behaves exactly like one that does not exist.
/// </summary>
internal static class CatalogAccess
{
    public static readonly string[] ReaderRoles = [IdentityRoles.Operator, IdentityRoles.EnterpriseAdmin, IdentityRoles.Learner];

    public static ICurrentActor? CurrentActor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<ICurrentActor>();

    public static IQueryable<Catalog> VisibleTo(this IQueryable<Catalog> catalogs, ICurrentActor? actor)
    {
        if (actor is { IsAuthenticated: true, IsOperator: true, Kind: ActorKind.User or ActorKind.OperatorService })
        {
            return catalogs;
        }

        var enterprises = actor is { IsAuthenticated: true, Kind: ActorKind.User }
            ? actor.AdminOfEnterprises.Concat(actor.LearnerOfEnterprises).Distinct().ToArray()
            : [];
        return catalogs.Where(c => enterprises.Contains(c.EnterpriseCustomerId));
    }
}
