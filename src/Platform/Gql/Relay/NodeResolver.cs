using GraphQL;

namespace LicenseManager.Platform.Gql.Relay;

/// <summary>
/// Loads nodes of one type keyed by <see cref="Guid"/>: keys that are not UUIDs (garbage, another
/// encoding) resolve to null like unknown ids. Register as <see cref="INodeResolver"/>.
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
            if (Guid.TryParseExact(key, "N", out var id))
            {
                ids[id] = key;
            }
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
