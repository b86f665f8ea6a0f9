using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Scalars;

/// <summary>
/// Hot Chocolate's <c>DateTime</c>: ISO-8601 with an offset on input, always UTC with milliseconds
/// (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>) on output. Replaces GraphQL.NET's <c>DateTime</c>/<c>DateTimeOffset</c>.
/// </summary>
public sealed class DateTimeType : ScalarGraphType
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public DateTimeType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date and time with offset, returned in UTC (yyyy-MM-ddTHH:mm:ss.fffZ).";
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
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString(Format, CultureInfo.InvariantCulture),
        string s => Serialize(Parse(s)),
        _ => ThrowSerializationError(value),
    };

    // An offset is required: a bare local time would mean different instants on different servers.
    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
        && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10)
            ? parsed.ToUniversalTime()
            : throw new FormatException($"'{text}' is not an ISO-8601 date and time with an offset.");
}
