using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>
/// GraphQL.NET's validator, with a shortcut for a request that runs no validation rule (a cached document,
/// see <see cref="GqlRequestExecutor"/>). GraphQL.NET still does two things then, on every request: it walks
/// the operation for the variables' usages (with a fresh TypeInfo) and walks it again to find each field's
/// arguments. Both depend on the document only, so they are worked out once per operation here
/// (<see cref="PreparedOperation"/>); a request then coerces its variables and binds the arguments with
/// GraphQL.NET's own <see cref="ExecutionHelper.GetArguments"/>. Whatever the shortcut does not handle (input
/// objects, variable defaults, directives) or would refuse (a missing or invalid value) goes to GraphQL.NET,
/// so every error is GraphQL.NET's, word for word.
/// </summary>
internal sealed class PreparedDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    private static readonly ConditionalWeakTable<GraphQLOperationDefinition, Prepared> Operations = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not { } rules || rules.Any() || options.Operation is null)
        {
            return inner.ValidateAsync(options);
        }

        var schema = options.Schema;
        var document = options.Document;
        var prepared = Operations.GetValue(options.Operation, operation => new Prepared(PreparedOperation.TryPrepare(schema, document, operation), schema));
        if (prepared.Operation is not { } operation || !ReferenceEquals(prepared.Schema, schema)
            || operation.TryBind(options.Variables, document) is not { } result)
        {
            return inner.ValidateAsync(options);
        }

        return Task.FromResult(result);
    }

    private sealed record Prepared(PreparedOperation? Operation, ISchema Schema);
}
