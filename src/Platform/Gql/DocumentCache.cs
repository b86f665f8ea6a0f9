using System.Collections.Concurrent;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Parsed documents that already passed validation once, keyed by their text, with what the executor needs to
/// know to skip validating them again (<see cref="DocumentTraits"/>). A hit skips parsing and the static rules;
/// a rule whose answer depends on the request still runs, see <see cref="GqlRequestExecutor"/>.
/// </summary>
public sealed class DocumentCache(IOptions<GqlOptions> options)
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    public bool TryGet(string query, out CachedDocument document) => _documents.TryGetValue(query, out document!);

    public void Add(string query, GraphQLDocument document)
    {
        // Crude but bounded: a service has a small, fixed set of operations; a flood of distinct
        // ad-hoc documents just starts the cache over.
        if (_documents.Count >= options.Value.DocumentCacheSize)
        {
            _documents.Clear();
        }

        _documents.TryAdd(query, new CachedDocument(document, DocumentTraits.CostDependsOnVariables(document), DocumentTraits.SelectsSchemaIntrospection(document)));
    }
}

/// <param name="CostDependsOnVariables">Its complexity can change with the variables (a page size given by one), so it is measured on every request.</param>
/// <param name="SelectsSchemaIntrospection">It selects <c>__schema</c> or <c>__type</c>, which callers denied introspection must be refused.</param>
public sealed record CachedDocument(GraphQLDocument Document, bool CostDependsOnVariables, bool SelectsSchemaIntrospection);

/// <summary>Facts about a document that hold for every request that sends it.</summary>
public static class DocumentTraits
{
    // GraphQL.NET's complexity analysis reads these arguments of list fields: first/last multiply, an id divides.
    private static readonly HashSet<string> CostArguments = new(StringComparer.Ordinal) { "first", "last", "id" };

    /// <summary>Whether any argument the complexity analysis reads takes (part of) its value from a variable.</summary>
    public static bool CostDependsOnVariables(GraphQLDocument document) =>
        Fields(document).Any(field => field.Arguments?.Items.Any(a => CostArguments.Contains(a.Name.StringValue) && HasVariable(a.Value)) == true);

    public static bool SelectsSchemaIntrospection(GraphQLDocument document) =>
        Fields(document).Any(field => field.Name.Value.Span is "__schema" or "__type");

    private static IEnumerable<GraphQLField> Fields(GraphQLDocument document)
    {
        var sets = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
        {
            if (definition is IHasSelectionSetNode { SelectionSet: { } set })
            {
                sets.Push(set);
            }
        }

        while (sets.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                if (selection is GraphQLField field)
                {
                    yield return field;
                }

                if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                {
                    sets.Push(inner);
                }
            }
        }
    }

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) == true,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HasVariable(f.Value)) == true,
        _ => false,
    };
}
