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
        // What graphql-js's getIntrospectionQuery asks for with its modern options (GraphiQL, codegen, Apollo, Postman).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Description = "License Manager: subscriptions, licenses and catalogs of enterprise customers.";
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

    /// <summary>
    /// Completes GraphQL.NET's introspection types to the October 2021 spec as graphql-js's modern
    /// introspection query asks for it: <c>__Type.specifiedByURL</c> and <c>__Directive.args(includeDeprecated:)</c>
    /// (no directive argument is deprecated, so the argument changes nothing).
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        if (graphType is IComplexGraphType { Name: "__Type" } type && !type.HasField("specifiedByURL"))
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Type = typeof(StringGraphType),
                Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(_ => null),
            });
        }

        if (graphType is IComplexGraphType { Name: "__Directive" } directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= new QueryArguments();
            args.Arguments.Add(new QueryArgument(typeof(BooleanGraphType)) { Name = "includeDeprecated", DefaultValue = false });
        }
    }
}
