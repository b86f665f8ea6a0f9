using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// Reads GraphQL fields off C# records: one field per public property, camelCase, nullability from the C#
/// annotations, <c>[Description]</c> and <c>[ID]</c> honoured whether written on the property or on the
/// positional parameter.
/// </summary>
internal static class RecordShape
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    // NullabilityInfoContext caches into plain dictionaries and is not thread-safe; test hosts build schemas in
    // parallel, so each call gets its own (schema building only, never per request).
    private static NullabilityInfoContext Nullability => new();

    public static PropertyInfo[] Properties(Type record) =>
        PropertiesByType.GetOrAdd(record, type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .ToArray());

    public static string FieldName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static string TypeName(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>The primary constructor of a positional record: the one with the most parameters.</summary>
    public static ConstructorInfo Constructor(Type record) =>
        record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
        ?? throw new InvalidOperationException($"{record.Name} has no public constructor.");

    public static T? Attribute<T>(PropertyInfo property)
        where T : Attribute =>
        property.GetCustomAttribute<T>() ?? Parameter(property)?.GetCustomAttribute<T>();

    public static string? Description(PropertyInfo property) => Attribute<DescriptionAttribute>(property)?.Description;

    public static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);

    /// <summary>An input field's graph type (<c>ID</c> for <c>[ID]</c> properties, nested records as input objects).</summary>
    public static Type InputGraphType(PropertyInfo property) =>
        GraphType(property.PropertyType, IsNullable(property), Attribute<IDAttribute>(property) is not null, input: true, ElementNullability(property));

    /// <summary>An output field's graph type; <paramref name="nullable"/> overrides the C# annotation (payload fields are always nullable).</summary>
    public static Type OutputGraphType(PropertyInfo property, bool? nullable) =>
        GraphType(property.PropertyType, nullable ?? IsNullable(property), Attribute<IDAttribute>(property) is not null, input: false, ElementNullability(property));

    /// <summary>A property's value as a field returns it: <c>[ID(type)]</c> keys are encoded to global ids.</summary>
    public static Func<object, object?> OutputGetter(PropertyInfo property)
    {
        if (Attribute<IDAttribute>(property)?.TypeName is not { } typeName)
        {
            return property.GetValue;
        }

        static string Encode(string typeName, object key) =>
            key is Guid guid ? NodeId.Encode(typeName, guid) : NodeId.Encode(typeName, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!);

        return source => property.GetValue(source) switch
        {
            null => null,
            string key => Encode(typeName, key),
            System.Collections.IEnumerable keys => keys.Cast<object>().Select(k => Encode(typeName, k)).ToList(),
            var key => Encode(typeName, key),
        };
    }

    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static bool ElementNullability(PropertyInfo property)
    {
        var info = Nullability.Create(property);
        var element = info.ElementType ?? info.GenericTypeArguments.FirstOrDefault();
        return element?.ReadState == NullabilityState.Nullable;
    }

    private static Type GraphType(Type clr, bool nullable, bool isId, bool input, bool elementNullable)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        Type named;
        if (ElementType(clr) is { } element)
        {
            var elementType = GraphType(element, elementNullable || Nullable.GetUnderlyingType(element) is not null, isId, input, elementNullable: false);
            named = typeof(ListGraphType<>).MakeGenericType(elementType);
        }
        else if (isId)
        {
            named = typeof(IdGraphType);
        }
        else if (clr.IsEnum)
        {
            named = typeof(EnumerationGraphType<>).MakeGenericType(clr);
        }
        else if (input && clr.IsClass && clr != typeof(string))
        {
            named = typeof(InputRecordType<>).MakeGenericType(clr);
        }
        else
        {
            // Scalars and mapped object types (a module's ObjectGraphType<TEntity>) resolve through the schema's mappings.
            named = clr.GetGraphTypeFromType(isNullable: true, input ? TypeMappingMode.InputType : TypeMappingMode.OutputType);
        }

        return nullable ? named : typeof(NonNullGraphType<>).MakeGenericType(named);
    }

    private static ParameterInfo? Parameter(PropertyInfo property) =>
        property.DeclaringType is { } type
            ? Constructor(type).GetParameters().FirstOrDefault(p => p.Name == property.Name && p.ParameterType == property.PropertyType)
            : null;
}
