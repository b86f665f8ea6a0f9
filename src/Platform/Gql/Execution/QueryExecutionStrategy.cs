using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>
/// GraphQL.NET's parallel strategy for queries, with one shortcut: a list of objects whose selected fields are all
/// plain reads of the item (<see cref="PureSelection"/>) is completed in one pass into a <see cref="PureObjectList"/>
/// instead of a node per item and per field. A 20-key <c>contentAccess</c> answer is 80 such nodes, each executed,
/// completed and serialized through the general machinery; Hot Chocolate skips the same work for its "pure" fields.
/// Anything the shortcut cannot answer exactly as the general path would (a null where the schema forbids one,
/// a scalar that refuses a value, an asynchronous value) goes the general way, and so does every other field.
/// </summary>
public sealed class QueryExecutionStrategy : ParallelExecutionStrategy
{
    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        var itemType = ((ListGraphType)parent.GraphType!).ResolvedType;
        var nullable = itemType is not NonNullGraphType;
        if (itemType is NonNullGraphType nonNull)
        {
            itemType = nonNull.ResolvedType;
        }

        if (itemType is IObjectGraphType objectType
            && parent.Result is System.Collections.IList items
            && PureSelection.For(parent.Field!, objectType, CollectPlainFields) is { } selection
            && selection.TryComplete(items, nullable, objectType) is { } completed)
        {
            parent.SerializedResult = completed;
            return Task.CompletedTask;
        }

        return base.SetArrayItemNodesAsync(context, parent);

        // The fields as the general path collects them (fragments, type conditions, merging by response name);
        // PureSelection only asks for selections without directives, so no variable can change this answer.
        Dictionary<string, (GraphQLField Field, FieldType Definition)> CollectPlainFields(GraphQLSelectionSet set) =>
            CollectFieldsFrom(context, objectType, set, null);
    }
}
