using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Scalars;

/// <summary>Hot Chocolate's <c>Date</c> (<c>yyyy-MM-dd</c>), for <see cref="DateOnly"/>.</summary>
public sealed class DateType : ScalarGraphType
{
    private const string Format = "yyyy-MM-dd";

    public DateType()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date (yyyy-MM-dd).";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        DateOnly d => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateOnly Parse(string text) =>
        DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);
}
