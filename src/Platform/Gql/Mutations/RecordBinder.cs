using System.Collections;
using GraphQL;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// Builds an input record from the argument's dictionary, decoding <c>[ID(type)]</c> properties to the
/// entity's key. A malformed id (or one naming another type) is a client bug: <c>INVALID_NODE_ID</c>.
/// </summary>
internal static class RecordBinder
{
    public static object Bind(Type record, IDictionary<string, object?> values)
    {
        var constructor = RecordShape.Constructor(record);
        var properties = RecordShape.Properties(record).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var arguments = constructor.GetParameters()
            .Select(parameter =>
            {
                values.TryGetValue(RecordShape.FieldName(parameter.Name!), out var raw);
                var id = properties.TryGetValue(parameter.Name!, out var property) ? RecordShape.Attribute<IDAttribute>(property) : null;
                return Convert(parameter.ParameterType, raw, id?.TypeName);
            })
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? Convert(Type target, object? raw, string? nodeType)
    {
        if (raw is null)
        {
            return null;
        }

        if (raw is IDictionary<string, object?> && target.IsInstanceOfType(raw))
        {
            // A [FilterInput] field: kept as parsed, for FilterTranslator.
            return raw;
        }

        if (RecordShape.ElementType(target) is { } element && raw is IEnumerable items and not string)
        {
            var converted = items.Cast<object?>().Select(item => Convert(element, item, nodeType)).ToList();
            var array = Array.CreateInstance(element, converted.Count);
            for (var i = 0; i < converted.Count; i++)
            {
                array.SetValue(converted[i], i);
            }

            return target.IsAssignableFrom(array.GetType()) ? array : Activator.CreateInstance(target, array);
        }

        var plain = Nullable.GetUnderlyingType(target) ?? target;
        if (nodeType is not null)
        {
            return DecodeId(plain, (string)raw, nodeType);
        }

        return raw switch
        {
            IDictionary<string, object?> nested => Bind(plain, nested),
            _ when plain.IsInstanceOfType(raw) => raw,
            _ when plain.IsEnum => Enum.Parse(plain, raw.ToString()!, ignoreCase: true),
            _ => ValueConverter.ConvertTo(raw, plain),
        };
    }

    private static object DecodeId(Type key, string id, string nodeType)
    {
        if (NodeId.TryDecode(id, out var typeName, out var value) && typeName == nodeType)
        {
            if (key == typeof(Guid) && Guid.TryParseExact(value, "N", out var guid))
            {
                return guid;
            }

            if (key == typeof(string))
            {
                return value;
            }

            if (key == typeof(long) && long.TryParse(value, out var number))
            {
                return number;
            }
        }

        throw NodeId.Invalid(id, nodeType);
    }
}
