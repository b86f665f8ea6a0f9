namespace LicenseManager.Platform.Gql;

/// <summary>Limits of the GraphQL endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GqlOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Deepest selection nesting accepted (validation error past it).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Deepest nesting of an introspection-only query (which is exempt from the cost limit). graphql-js's
    /// standard query nests <c>ofType</c> 7 levels under <c>__schema.types.fields.type</c>: depth 12.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>Highest estimated cost accepted; list fields multiply their children by their page size.</summary>
    public int MaxComplexity { get; set; } = 2000;

    /// <summary>Time a request may execute before it is cancelled with a timeout error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many parsed and validated documents are kept, keyed by their text.</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Most ids <c>nodes(ids:)</c> accepts.</summary>
    public int MaxNodeIds { get; set; } = 50;
}
