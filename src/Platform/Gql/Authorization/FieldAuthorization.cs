using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>
/// Declarative field requirements, enforced by <see cref="AuthorizingFieldResolver"/> before the
/// resolver runs. Several requirements on one field must all hold. A field without requirements is public:
/// declare them on every field that exposes data. Example:
/// <code>
/// query.Field&lt;CatalogType&gt;("catalogs").RequireAuthenticated();
/// mutation.Field&lt;CreateCatalogPayloadType&gt;("createCatalog").RequireRole("operator");
/// query.Field&lt;...&gt;("customerAgreement").RequireTenantAccess("enterpriseCustomerId", TenantAccess.Read);
/// </code>
/// Inside resolvers, filter by the caller's tenants with <see cref="Actor"/> (objects of other tenants
/// resolve like unknown ids) and refuse changes with <see cref="EnsureTenantAccess"/>.
/// </summary>
public static class FieldAuthorization
{
    internal const string MetadataKey = "LicenseManager.Authorization";

    public static FieldType Require(this FieldType field, FieldRequirement requirement)
    {
        var requirements = field.GetMetadata<List<FieldRequirement>>(MetadataKey);
        if (requirements is null)
        {
            requirements = [];
            field.WithMetadata(MetadataKey, requirements);
        }

        requirements.Add(requirement);
        return field;
    }

    /// <summary>The caller must hold at least one of <paramref name="anyOf"/>; for fields built as a <see cref="FieldType"/> (e.g. mutations).</summary>
    public static FieldType RequireRole(this FieldType field, params string[] anyOf) => field.Require(new RoleRequirement(anyOf));

    public static IReadOnlyList<FieldRequirement> Requirements(this FieldType field) =>
        field.GetMetadata<List<FieldRequirement>>(MetadataKey) ?? (IReadOnlyList<FieldRequirement>)[];

    public static FieldBuilder<TSource, TReturn> RequireAuthenticated<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        With(field, new AuthenticatedRequirement());

    /// <summary>The caller must hold at least one of <paramref name="anyOf"/> (e.g. <c>operator</c>).</summary>
    public static FieldBuilder<TSource, TReturn> RequireRole<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] anyOf) =>
        With(field, new RoleRequirement(anyOf));

    public static FieldBuilder<TSource, TReturn> RequireScope<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string scope) =>
        With(field, new ScopeRequirement(scope));

    /// <summary>The UUID argument <paramref name="argumentName"/> must name a tenant the token grants <paramref name="access"/> to.</summary>
    public static FieldBuilder<TSource, TReturn> RequireTenantAccess<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, string argumentName, TenantAccess access) =>
        With(field, new TenantArgumentRequirement(argumentName, access));

    private static FieldBuilder<TSource, TReturn> With<TSource, TReturn>(FieldBuilder<TSource, TReturn> field, FieldRequirement requirement)
    {
        field.FieldType.Require(requirement);
        return field;
    }

    /// <summary>The caller of this request (anonymous when no identity provider is registered).</summary>
    public static IRequestActor Actor(this IResolveFieldContext context) =>
        context.RequestServices?.GetService<IRequestActor>() ?? AnonymousActor.Instance;

    /// <summary>Throws <c>AUTH_NOT_AUTHENTICATED</c>/<c>AUTH_NOT_AUTHORIZED</c> unless the token grants <paramref name="access"/> to the tenant.</summary>
    public static void EnsureTenantAccess(this IResolveFieldContext context, Guid tenantId, TenantAccess access)
    {
        var actor = context.Actor();
        if (!actor.IsAuthenticated)
        {
            throw AuthErrors.NotAuthenticated();
        }

        if (!actor.HasTenantAccess(tenantId, access))
        {
            throw AuthErrors.NotAuthorized();
        }
    }
}
