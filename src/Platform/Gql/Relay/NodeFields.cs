using GraphQL;
using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Relay;

/// <summary>
/// Loads objects of one node type by their raw keys. Each module registers one per node type; the
/// resolver applies the caller's visibility so that an object the caller may not see is simply absent.
/// </summary>
public interface INodeResolver
{
    string TypeName { get; }

    Task<IReadOnlyDictionary<string, object>> ResolveManyAsync(
        IReadOnlyCollection<string> keys, IResolveFieldContext context, CancellationToken cancellationToken);
}

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique id.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}

/// <summary>The <c>node</c> and <c>nodes</c> root fields.</summary>
public sealed class NodeFields(IEnumerable<INodeResolver> resolvers, Microsoft.Extensions.Options.IOptions<GqlOptions> options)
{
    private readonly Dictionary<string, INodeResolver> _resolvers = resolvers.ToDictionary(r => r.TypeName, StringComparer.Ordinal);

    public void Configure(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Fetches an object given its id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var found = await ResolveAsync([context.GetArgument<string>("id")], context);
                return found[0];
            });

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Fetches objects given their ids (at most {options.Value.MaxNodeIds}).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > options.Value.MaxNodeIds)
                {
                    throw new ExecutionError($"At most {options.Value.MaxNodeIds} ids may be fetched at once; {ids.Count} were given.")
                    {
                        Code = "NODES_LIMIT_EXCEEDED",
                    };
                }

                return await ResolveAsync(ids, context);
            });
    }

    private async Task<object?[]> ResolveAsync(IReadOnlyList<string> ids, IResolveFieldContext context)
    {
        var results = new object?[ids.Count];
        var decoded = new (string Type, string Key)?[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            // Not decodable: a client bug, like Hot Chocolate a field error. Decodable but naming no
            // type or object (or another enterprise's): null, indistinguishable from "not found".
            if (!NodeId.TryDecode(ids[i], out var type, out var key))
            {
                throw NodeId.Invalid(ids[i]);
            }

            if (_resolvers.ContainsKey(type))
            {
                decoded[i] = (type, key);
            }
        }

        // One batch per node type: nodes(ids: [...50]) costs one query per type, not one per id.
        foreach (var group in decoded.Where(d => d is not null).Select(d => d!.Value).GroupBy(d => d.Type))
        {
            var keys = group.Select(g => g.Key).Distinct().ToArray();
            var found = await _resolvers[group.Key].ResolveManyAsync(keys, context, context.CancellationToken);
            for (var i = 0; i < ids.Count; i++)
            {
                if (decoded[i] is { } d && d.Type == group.Key && found.TryGetValue(d.Key, out var value))
                {
                    results[i] = value;
                }
            }
        }

        return results;
    }
}
