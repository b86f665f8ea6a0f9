using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Sorting;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// "Rows after this cursor" as an expression tree: <c>(a &gt; @a) OR (a = @a AND b &gt; @b) OR …</c>, honouring
/// each key's direction and PostgreSQL's null placement (NULLS LAST ascending, NULLS FIRST descending),
/// so a deep page is a range scan like the first one.
/// </summary>
public static class KeysetPredicate
{
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var members = keys.Select(k => ParameterReplacer.Rebind(k.Selector, entity)).ToArray();
        Expression? result = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var member = members[i];
            var after = Beyond(member, values[i], keys[i].Descending);
            if (after is not null)
            {
                var disjunct = equalSoFar is null ? after : Expression.AndAlso(equalSoFar, after);
                result = result is null ? disjunct : Expression.OrElse(result, disjunct);
            }

            var equal = values[i] is null
                ? Comparisons.IsNull(member)
                : Comparisons.Equal(member, ExpressionValues.Parameter(values[i], member.Type));
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        // A redundant bound on the leading key (a >= @a) gives PostgreSQL an index range to start from;
        // the OR chain alone is only a filter, read from the start of the range on every page.
        if (result is not null && keys.Count > 1 && values[0] is not null && !IsNullable(members[0]))
        {
            var leading = members[0];
            var bound = Comparisons.Make(
                keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual,
                leading,
                ExpressionValues.Parameter(values[0], leading.Type));
            result = Expression.AndAlso(bound, result);
        }

        return Expression.Lambda<Func<T, bool>>(result ?? Expression.Constant(false), entity);
    }

    /// <summary>
    /// Whether the key can be NULL: nullable value types, and reference types not declared non-nullable
    /// (EF maps a non-nullable <c>string</c> property to a NOT NULL column, so its rows never sort as NULL).
    /// </summary>
    internal static bool IsNullable(Expression member)
    {
        if (member.Type.IsValueType)
        {
            return Nullable.GetUnderlyingType(member.Type) is not null;
        }

        return member is not MemberExpression { Member: var declared } || NullableMembers.GetOrAdd(declared, ReadsAsNullable);
    }

    // Declared once per entity; read on every page request, so the reflection is done once per member.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.MemberInfo, bool> NullableMembers = new();

    private static bool ReadsAsNullable(System.Reflection.MemberInfo member)
    {
        var info = member switch
        {
            System.Reflection.PropertyInfo property => new System.Reflection.NullabilityInfoContext().Create(property),
            System.Reflection.FieldInfo field => new System.Reflection.NullabilityInfoContext().Create(field),
            _ => null,
        };
        return info is null || info.ReadState != System.Reflection.NullabilityState.NotNull;
    }

    /// <summary>Rows strictly past <paramref name="value"/> on one key, or null when there are none.</summary>
    private static Expression? Beyond(Expression member, object? value, bool descending)
    {
        var nullable = IsNullable(member);
        if (value is null)
        {
            // Ascending: nulls come last, nothing is beyond them. Descending: nulls come first, every non-null follows.
            return descending ? Expression.Not(Comparisons.IsNull(member)) : null;
        }

        var parameter = ExpressionValues.Parameter(value, member.Type);
        var past = Comparisons.Make(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, member, parameter);
        return !descending && nullable ? Expression.OrElse(past, Comparisons.IsNull(member)) : past;
    }
}
