using System.Collections.Concurrent;
using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Conventions;

/// <summary>
/// The schema's convention-made types (operation inputs, filter/sort inputs, connections), one
/// instance per name: GraphQL.NET rejects two instances with the same name, and every entity's
/// filter shares the same <c>StringOperationFilterInput</c>. A singleton, so per schema.
/// </summary>
public sealed class GqlTypes
{
    private readonly ConcurrentDictionary<string, IGraphType> _types = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string name, Func<T> create)
        where T : IGraphType
    {
        var type = _types.GetOrAdd(name, _ => create());
        return type is T typed
            ? typed
            : throw new InvalidOperationException($"The type name '{name}' is already used by a {type.GetType().Name}.");
    }
}
