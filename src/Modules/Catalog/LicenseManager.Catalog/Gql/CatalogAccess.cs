using GraphQL;
using LicenseManager.Catalog.Data;
using LicenseManager.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Gql;

/// <summary>
/// Who reads which catalogs: the callers with a reader role, within the enterprises Identity's one
/// <see cref="TenantRule"/> gives them. The enterprise scope comes from the token only, so another
/// enterprise's catalog behaves exactly like one that does not exist.
/// </summary>
internal static class CatalogAccess
{
    public static readonly string[] ReaderRoles = [IdentityRoles.Operator, IdentityRoles.EnterpriseAdmin, IdentityRoles.Learner];

    public static ICurrentActor? CurrentActor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<ICurrentActor>();

    /// <summary>
    /// For node resolvers (which have no field requirement of their own) the reader roles apply too: a partner
    /// service reads its enterprise's licenses, not its catalogs, exactly as on the <c>catalogs</c> field.
    /// </summary>
    public static IQueryable<EnterpriseCatalog> VisibleTo(this IQueryable<EnterpriseCatalog> catalogs, ICurrentActor? actor) =>
        catalogs.ReadableBy(actor is not null && ReaderRoles.Any(actor.Roles.Contains) ? actor : null, c => c.EnterpriseCustomerId);

    public static IQueryable<EnterpriseCatalog> AdministeredBy(this IQueryable<EnterpriseCatalog> catalogs, ICurrentActor? actor) =>
        catalogs.AdministeredBy(actor, c => c.EnterpriseCustomerId);
}
