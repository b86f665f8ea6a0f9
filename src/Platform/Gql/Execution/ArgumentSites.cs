using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Execution;

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
