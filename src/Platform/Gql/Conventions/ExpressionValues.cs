using System.Collections;
using System.Linq.Expressions;

namespace LicenseManager.Platform.Gql.Conventions;

/// <summary>
/// Puts client values into expression trees as closure members, which EF sends as SQL parameters
/// (a bare constant would be inlined into the SQL text and defeat the plan cache).
/// </summary>
public static class ExpressionValues
{
    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), Convert(value, type))!;
        return Expression.Field(Expression.Constant(box), "Value");
    }

    /// <summary>A typed list parameter (<c>= ANY(@p)</c> in SQL) from a client list.</summary>
    public static Expression ListParameter(IEnumerable values, Type elementType)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var acceptsNull = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
        foreach (var value in values)
        {
            // A null in the list of a non-nullable column can match nothing.
            if (value is null && !acceptsNull)
            {
                continue;
            }

            list.Add(Convert(value, elementType));
        }

        return Parameter(list, list.GetType());
    }

    public static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            return value is string s ? Enum.Parse(target, s, ignoreCase: true) : Enum.ToObject(target, value);
        }

        if (target == typeof(DateTimeOffset) && value is DateTime dateTime)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
        }

        if (target == typeof(DateTime) && value is DateTimeOffset offset)
        {
            return offset.UtcDateTime;
        }

        return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Box<T>(T value)
    {
        public readonly T Value = value;
    }
}
