using GraphQL.Types;
using LicenseManager.Platform.Gql.Relay;

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
    public AppSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(new GraphTypeActivator(services))
    {
        Query = query;
        // GraphQL forbids an empty root type: the Mutation root exists once a module contributes to it.
        if (mutation.Fields.Count > 0)
        {
            Mutation = mutation;
        }
    }
}

/// <summary>
/// Lets modules declare graph types without registering each one in DI: a type not registered is
/// created once per schema from the container (constructor injection still works).
/// </summary>
internal sealed class GraphTypeActivator(IServiceProvider services) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        services.GetService(serviceType)
        ?? (typeof(GraphQL.Types.IGraphType).IsAssignableFrom(serviceType) && serviceType is { IsAbstract: false, IsGenericTypeDefinition: false }
            ? Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, serviceType)
            : null);
}
