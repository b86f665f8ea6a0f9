using System.Linq.Expressions;

namespace LicenseManager.Platform.Gql.Conventions;

/// <summary>
/// Ordering comparisons that EF translates to SQL <c>&gt;</c>/<c>&lt;</c> for every key type, including
/// strings and UUIDs, which have no C# comparison operators (EF rewrites <c>Compare(a, b) &gt; 0</c>).
/// </summary>
public static class Comparisons
{
    public static Expression Make(ExpressionType op, Expression left, Expression right)
    {
        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string))
        {
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            return Expression.MakeBinary(op, Expression.Call(compare, left, right), Expression.Constant(0));
        }

        if (type == typeof(Guid) || type == typeof(bool))
        {
            var compareTo = type.GetMethod(nameof(IComparable.CompareTo), [type])!;
            return Expression.MakeBinary(op, Expression.Call(Unwrap(left), compareTo, Unwrap(right)), Expression.Constant(0));
        }

        if (type.IsEnum)
        {
            // Enums compare by their numbers, which is also their SQL order only when stored as numbers:
            // declare sort keys on enums stored as integers (a string-stored enum sorts by name in SQL).
            var number = Enum.GetUnderlyingType(type);
            var target = Nullable.GetUnderlyingType(left.Type) is null ? number : typeof(Nullable<>).MakeGenericType(number);
            return Expression.MakeBinary(op, Expression.Convert(left, target), Expression.Convert(right, target));
        }

        if (left.Type != right.Type)
        {
            right = Expression.Convert(right, left.Type);
        }

        return Expression.MakeBinary(op, left, right);
    }

    public static Expression Equal(Expression member, Expression value) =>
        Expression.Equal(member, value.Type == member.Type ? value : Expression.Convert(value, member.Type));

    /// <summary>"Is null" that also compiles for non-nullable members (always false there).</summary>
    public static Expression IsNull(Expression member) =>
        member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null
            ? Expression.Constant(false)
            : Expression.Equal(member, Expression.Constant(null, member.Type));

    private static Expression Unwrap(Expression expression) =>
        Nullable.GetUnderlyingType(expression.Type) is not null ? Expression.Property(expression, "Value") : expression;
}
