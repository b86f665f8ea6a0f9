using System.Collections;
using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Filtering;

/// <summary>
/// Turns a parsed <c>where</c> argument into a predicate over <typeparamref name="T"/> that EF runs as
/// parameterised SQL. Fields set to null are ignored; fields in one object are ANDed; <c>eq: null</c>
/// means "is null" and <c>neq: null</c> "is not null".
/// </summary>
public sealed class FilterTranslator<T>(EntityConventions<T> conventions)
{
    private readonly ParameterExpression _entity = Expression.Parameter(typeof(T), "e");

    public Expression<Func<T, bool>>? Translate(IDictionary<string, object?>? where)
    {
        var body = where is null ? null : Object(where);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, _entity);
    }

    private Expression? Object(IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            var part = name switch
            {
                "and" => Combine(Nested(value, Object), Expression.AndAlso),
                "or" => Combine(Nested(value, Object), Expression.OrElse),
                _ => Field(name, (IDictionary<string, object?>)value),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return Combine(parts, Expression.AndAlso);
    }

    private Expression? Field(string name, IDictionary<string, object?> operations)
    {
        var field = conventions.Filters.FirstOrDefault(f => f.Name == name)
            ?? throw new InvalidOperationException($"'{name}' is not a filterable field of {conventions.Name}.");
        var member = new ParameterReplacer(field.Selector.Parameters[0], _entity).Visit(field.Selector.Body);
        return Operations(member, operations, field.IgnoreCase, field.StoredLowerCase);
    }

    private Expression? Operations(Expression member, IDictionary<string, object?> operations, bool ignoreCase, bool storedLowerCase)
    {
        if (ignoreCase)
        {
            operations = CaseInsensitive.Normalize(operations);
        }

        var parts = new List<Expression>();
        foreach (var (op, value) in operations)
        {
            var part = op switch
            {
                "eq" => value is null ? Comparisons.IsNull(member) : Comparisons.Equal(member, Value(value, member.Type)),
                "neq" => value is null ? Expression.Not(Comparisons.IsNull(member)) : Expression.Not(Comparisons.Equal(member, Value(value, member.Type))),
                "and" => value is null ? null : Combine(Nested(value, o => Operations(member, o, ignoreCase, storedLowerCase)), Expression.AndAlso),
                "or" => value is null ? null : Combine(Nested(value, o => Operations(member, o, ignoreCase, storedLowerCase)), Expression.OrElse),
                _ when value is null => null,
                "in" => In(member, (IEnumerable)value),
                "nin" => Expression.Not(In(member, (IEnumerable)value)),
                "contains" or "ncontains" or "startsWith" or "nstartsWith" or "endsWith" or "nendsWith" when ignoreCase =>
                    CaseInsensitive.Like(member, op.TrimStart('n'), (string)value, negate: op.StartsWith('n'), storedLowerCase),
                "contains" => StringCall(member, nameof(string.Contains), value),
                "ncontains" => Expression.Not(StringCall(member, nameof(string.Contains), value)),
                "startsWith" => StringCall(member, nameof(string.StartsWith), value),
                "nstartsWith" => Expression.Not(StringCall(member, nameof(string.StartsWith), value)),
                "endsWith" => StringCall(member, nameof(string.EndsWith), value),
                "nendsWith" => Expression.Not(StringCall(member, nameof(string.EndsWith), value)),
                "gt" => Compare(ExpressionType.GreaterThan, member, value),
                "ngt" => Expression.Not(Compare(ExpressionType.GreaterThan, member, value)),
                "gte" => Compare(ExpressionType.GreaterThanOrEqual, member, value),
                "ngte" => Expression.Not(Compare(ExpressionType.GreaterThanOrEqual, member, value)),
                "lt" => Compare(ExpressionType.LessThan, member, value),
                "nlt" => Expression.Not(Compare(ExpressionType.LessThan, member, value)),
                "lte" => Compare(ExpressionType.LessThanOrEqual, member, value),
                "nlte" => Expression.Not(Compare(ExpressionType.LessThanOrEqual, member, value)),
                _ => throw new InvalidOperationException($"Unknown filter operation '{op}'."),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return Combine(parts, Expression.AndAlso);
    }

    private static Expression Value(object value, Type memberType) => ExpressionValues.Parameter(value, memberType);

    private static Expression Compare(ExpressionType op, Expression member, object value) =>
        Comparisons.Make(op, member, Value(value, member.Type));

    private static Expression In(Expression member, IEnumerable values)
    {
        var list = ExpressionValues.ListParameter(values, member.Type);
        var contains = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(member.Type);
        return Expression.Call(contains, list, member);
    }

    private static Expression StringCall(Expression member, string method, object value) =>
        Expression.Call(member, typeof(string).GetMethod(method, [typeof(string)])!, Value(value, typeof(string)));

    private static List<Expression> Nested(object value, Func<IDictionary<string, object?>, Expression?> translate) =>
        ((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(translate).OfType<Expression>().ToList();

    private static Expression? Combine(List<Expression> parts, Func<Expression, Expression, BinaryExpression> combine) =>
        parts.Count == 0 ? null : parts.Aggregate((left, right) => combine(left, right));
}
