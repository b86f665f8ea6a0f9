using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>What the variables and arguments of one operation need, worked out once: see <see cref="PreparedDocumentValidator"/>.</summary>
internal sealed class PreparedOperation
{
    private readonly PreparedVariable[] _variables;
    private readonly (GraphQLField Field, FieldType Definition)[] _argumentSites;

    private PreparedOperation(PreparedVariable[] variables, (GraphQLField, FieldType)[] argumentSites)
    {
        _variables = variables;
        _argumentSites = argumentSites;
    }

    public static PreparedOperation? TryPrepare(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var definitions = operation.Variables?.Items ?? [];
        List<VariableUsage>? usages = null;
        if (definitions.Any(d => d.Type is not GraphQLNonNullType))
        {
            // A nullable variable used where a non-null value is required must not be null: GraphQL.NET's own usage walk, once.
            usages = new ValidationContext { Schema = schema, Document = document, Operation = operation }.GetRecursiveVariables(operation);
        }

        var variables = new List<PreparedVariable>(definitions.Count);
        foreach (var definition in definitions)
        {
            if (definition.DefaultValue is not null || definition.Directives is { Count: > 0 } || InputType.From(schema, definition.Type) is not { } type)
            {
                return null;
            }

            if (type is not InputType.NonNull && usages?.Any(u => u.Node.Name == definition.Variable.Name && u.Type is NonNullGraphType) == true)
            {
                type = new InputType.NonNull(type);
            }

            variables.Add(new PreparedVariable(definition.Variable.Name.StringValue, definition, type));
        }

        var sites = new List<(GraphQLField, FieldType)>();
        var root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            _ => null,
        };
        if (root is null || operation.Directives is { Count: > 0 } || !ArgumentSites.Collect(schema, document, root, operation.SelectionSet, sites, []))
        {
            return null;
        }

        return new PreparedOperation([.. variables], [.. sites]);
    }

    /// <summary>The request's variables and arguments, or null for GraphQL.NET to answer (and report what is wrong).</summary>
    public IValidationResult? TryBind(Inputs inputs, GraphQLDocument document)
    {
        var variables = _variables.Length == 0 ? Variables.None : new Variables();
        foreach (var prepared in _variables)
        {
            if (!inputs.TryGetValue(prepared.Name, out var raw))
            {
                if (prepared.Type is InputType.NonNull)
                {
                    return null;
                }

                // Not given and no default: the variable is listed without a value, as GraphQL.NET does.
                variables.Add(new Variable(prepared.Name, prepared.Definition));
                continue;
            }

            if (!prepared.Type.TryCoerce(raw, out var value))
            {
                return null;
            }

            variables.Add(new Variable(prepared.Name, prepared.Definition) { Value = value });
        }

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        foreach (var (field, definition) in _argumentSites)
        {
            Dictionary<string, ArgumentValue>? values;
            try
            {
                values = ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, document, field, null);
            }
            catch (ValidationError)
            {
                return null;
            }

            if (values is not null)
            {
                (arguments ??= new(_argumentSites.Length))[field] = values;
            }
        }

        return new ValidationResult(Array.Empty<ValidationError>()) { Variables = variables, ArgumentValues = arguments };
    }

    private sealed record PreparedVariable(string Name, GraphQLVariableDefinition Definition, InputType Type);
}
