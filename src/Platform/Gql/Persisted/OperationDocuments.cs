using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// What a document must be to be stored: it parses and defines at least one operation. Validation against the
/// schema happens when it first runs (and is then cached); a stored document that does not validate never runs.
/// </summary>
internal static class OperationDocuments
{
    public static string? Problem(string document, string? name)
    {
        if (name is { Length: > PersistedOperation.MaxNameLength })
        {
            return $"the name is longer than {PersistedOperation.MaxNameLength} characters.";
        }

        try
        {
            var parsed = Parser.Parse(document);
            return parsed.Definitions.OfType<GraphQLOperationDefinition>().Any() ? null : "it defines no operation.";
        }
        catch (GraphQLSyntaxErrorException exception)
        {
            return $"it does not parse: {exception.Message}";
        }
    }
}
