using System.Collections;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
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

/// <summary>A variable's type as GraphQL.NET coerces it, limited to scalars (and enums) in lists and non-nulls.</summary>
internal abstract record InputType
{
    public static InputType? From(ISchema schema, GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => From(schema, nonNull.Type) is { } inner ? new NonNull(inner) : null,
        GraphQLListType list => From(schema, list.Type) is { } inner ? new List(inner) : null,
        GraphQLNamedType named => schema.AllTypes[named.Name.StringValue] is ScalarGraphType scalar ? new Scalar(scalar) : null,
        _ => null,
    };

    /// <summary>As ValidationContext.GetVariableValueAsync does; false where it would throw.</summary>
    public abstract bool TryCoerce(object? raw, out object? value);

    internal sealed record NonNull(InputType Inner) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            value = null;
            return raw is not null && Inner.TryCoerce(raw, out value);
        }
    }

    internal sealed record List(InputType Inner) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            value = null;
            if (raw is null)
            {
                return true;
            }

            if (raw is IList items && raw is not string && raw is not IDictionary<string, object?>)
            {
                var coerced = new object?[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    if (!Inner.TryCoerce(items[i], out coerced[i]))
                    {
                        return false;
                    }
                }

                value = coerced;
                return true;
            }

            if (raw is IEnumerable and not string and not IDictionary<string, object?>)
            {
                // Other enumerables are rare in JSON input; GraphQL.NET builds a List<object?> for them.
                return false;
            }

            // A single value where a list is expected is a list of one.
            if (!Inner.TryCoerce(raw, out var single))
            {
                return false;
            }

            value = new object?[] { single };
            return true;
        }
    }

    internal sealed record Scalar(ScalarGraphType Type) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            try
            {
                value = Type.ParseValue(raw);
                return true;
            }
            catch (Exception)
            {
                value = null;
                return false;
            }
        }
    }
}

/// <summary>The fields of an operation that take arguments, found as GraphQL.NET's ParseArgumentVisitor finds them.</summary>
internal static class ArgumentSites
{
    /// <returns>False when the selection has something not handled here (directives, unions): GraphQL.NET answers.</returns>
    public static bool Collect(ISchema schema, GraphQLDocument document, IComplexGraphType type, GraphQLSelectionSet set,
        List<(GraphQLField, FieldType)> sites, HashSet<string> visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode { Directives.Count: > 0 })
            {
                return false;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.Value;
                    var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                        : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                        : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                        : type.Fields.Find(name);
                    if (definition is null)
                    {
                        return false;
                    }

                    if (field.Arguments is { Count: > 0 })
                    {
                        sites.Add((field, definition));
                    }

                    var named = definition.ResolvedType?.GetNamedType();
                    if (named is UnionGraphType)
                    {
                        return false;
                    }

                    if (named is IComplexGraphType complex && field.SelectionSet is { } inner
                        && !Collect(schema, document, complex, inner, sites, visitedFragments))
                    {
                        return false;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    var conditionType = inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] : type;
                    if (conditionType is not IComplexGraphType fragmentType || !Collect(schema, document, fragmentType, inline.SelectionSet, sites, visitedFragments))
                    {
                        return false;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    // Each fragment once per operation, as GraphQL.NET: its fields are the same nodes wherever it is spread.
                    if (visitedFragments.Add(spread.FragmentName.Name.StringValue))
                    {
                        if (document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.Value == spread.FragmentName.Name.Value) is not { } fragment
                            || fragment.Directives is { Count: > 0 }
                            || schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] is not IComplexGraphType spreadType
                            || !Collect(schema, document, spreadType, fragment.SelectionSet, sites, visitedFragments))
                        {
                            return false;
                        }
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
