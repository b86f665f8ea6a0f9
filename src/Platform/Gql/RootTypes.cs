using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Platform.Gql.Scalars;

namespace LicenseManager.Platform.Gql;

/// <summary>The root query: the Platform's <c>node</c>/<c>nodes</c> plus every module's contributions.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<QueryExtension> extensions, NodeFields nodeFields)
    {
        Name = "Query";
        nodeFields.Configure(this);
        foreach (var extension in extensions)
        {
            extension.Configure(this);
        }
    }
}

/// <summary>The root mutation, composed from the modules' contributions.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<MutationExtension> extensions)
    {
        Name = "Mutation";
        foreach (var extension in extensions)
        {
            extension.Configure(this);
        }
    }
}

public sealed class AppSchema : Schema
{
    // Self-activation lets modules reference their internal graph types by CLR type without registering each one.
    public AppSchema(
        IServiceProvider services, QueryType query, MutationType mutation, IEnumerable<QueryExtension> queries, IEnumerable<MutationExtension> mutations)
        : base(new SelfActivatingServiceProvider(services))
    {
        ScalarConventions.Apply(this);
        // A payload's `Catalog Catalog` finds CatalogType (ObjectGraphType<Catalog>) through these mappings.
        foreach (var assembly in queries.Select(q => q.GetType().Assembly).Concat(mutations.Select(m => m.GetType().Assembly)).Distinct())
        {
            this.RegisterTypeMappings(assembly);
        }

        Query = query;
        // GraphQL forbids an empty root type: the Mutation root exists once a module contributes to it.
        if (mutation.Fields.Count > 0)
        {
            Mutation = mutation;
            // Error types are reached through unions only; the interface must still be in the schema.
            RegisterType(typeof(ErrorInterface));
        }
    }
}
