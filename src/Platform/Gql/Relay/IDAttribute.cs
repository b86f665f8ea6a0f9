namespace LicenseManager.Platform.Gql.Relay;

/// <summary>
/// Marks a property of a mutation's input record (or of an error record) as a global id: <c>ID</c> in the schema.
/// On inputs with a <paramref name="typeName"/> the caller sends the opaque id and the resolver receives the
/// entity's key (a Guid, or lists of them); an id that does not decode, or names another type, fails the field
/// with <c>INVALID_NODE_ID</c> before the resolver runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IDAttribute(string? typeName = null) : Attribute
{
    /// <summary>The node type the id must name (e.g. <c>CatalogType.TypeName</c>); null keeps the raw string.</summary>
    public string? TypeName { get; } = typeName;
}
