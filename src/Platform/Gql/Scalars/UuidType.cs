using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Scalars;

/// <summary>Hot Chocolate's <c>UUID</c> (hyphenated, lower case), replacing GraphQL.NET's <c>Guid</c>.</summary>
public sealed class UuidType : ScalarGraphType
{
    public UuidType()
    {
        Name = "UUID";
        Description = "A UUID in its hyphenated form (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Guid.Parse((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Guid.Parse(s),
        Guid g => g,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        Guid g => g.ToString("D"),
        _ => ThrowSerializationError(value),
    };
}
