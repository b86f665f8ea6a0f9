using GraphQL;

namespace LicenseManager.Platform.Gql.Relay;

/// <summary>
/// Loads nodes of one type keyed by <see cref="Guid"/>: a key that is not a UUID makes the id malformed
/// (<c>INVALID_NODE_ID</c>). Register as <see cref="INodeResolver"/>.
/// </summary>
public abstract class NodeResolver<T>(string typeName) : INodeResolver
    where T : notnull
{
    public string TypeName { get; } = typeName;

    public async Task<IReadOnlyDictionary<string, object>> ResolveManyAsync(
        IReadOnlyCollection<string> keys, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<Guid, string>();
        foreach (var key in keys)
        {
            if (!Guid.TryParseExact(key, "N", out var id))
            {
                throw NodeId.Invalid(NodeId.Encode(TypeName, key), TypeName);
            }

            ids[id] = key;
        }

        if (ids.Count == 0)
        {
            return new Dictionary<string, object>();
        }

        var found = await LoadAsync(ids.Keys.ToList(), context, cancellationToken);
        return found.ToDictionary(pair => ids[pair.Key], pair => (object)pair.Value);
    }

    /// <summary>The visible objects among <paramref name="ids"/>, in one query.</summary>
    protected abstract Task<IReadOnlyDictionary<Guid, T>> LoadAsync(
        IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken);
}
