using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Loading;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Subscriptions.Gql;

/// <summary>
/// A field of Catalog's own <c>Catalog</c> type, loaded through Catalog's node resolver (its visibility rules
/// apply: a caller who may not read the catalog sees null). Added only when the Catalog module is on.
/// </summary>
internal static class CatalogField
{
    public const string CatalogTypeName = "Catalog";

    public static void Add<TSource>(ComplexGraphType<TSource> type, IEnumerable<INodeResolver> resolvers, string name, Func<TSource, Guid?> catalogId)
    {
        if (resolvers.FirstOrDefault(r => r.TypeName == CatalogTypeName) is not { } catalogs)
        {
            return;
        }

        type.AddField(new FieldType
        {
            Name = name,
            ResolvedType = new GraphQLTypeReference(CatalogTypeName),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                if (catalogId((TSource)context.Source!) is not { } id)
                {
                    return null;
                }

                return BatchLoaders.For<string, object>(context, (keys, cancellationToken) => catalogs.ResolveManyAsync(keys.ToList(), context, cancellationToken))
                    .Load(id.ToString("N"));
            }),
        });
    }
}
