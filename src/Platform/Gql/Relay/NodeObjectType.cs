using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Relay;

/// <summary>
/// An object type that implements <c>Node</c>: <c>id: ID!</c> is the opaque global id
/// <c>base64("{Name}:{key}")</c>. Pair it with a <see cref="NodeResolver{T}"/> of the same type name.
/// </summary>
public abstract class NodeObjectType<T> : ObjectGraphType<T>
{
    protected NodeObjectType(string name, Func<T, Guid> key)
    {
        Name = name;
        Interface<NodeInterface>();
        IsTypeOf = value => value is T;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => NodeId.Encode(name, key(context.Source)));
    }
}
