using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Sorting;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// "Rows after this cursor" as expression trees: the row comparison <c>(a, b) &gt; (@a, @b)</c> where it means
/// "after", else <c>(a &gt; @a) OR (a = @a AND b &gt; @b) OR …</c>, honouring
/// each key's direction and PostgreSQL's null placement (NULLS LAST ascending, NULLS FIRST descending).
/// <see cref="Ranges{T}"/> splits that set into index ranges on the leading key, so a deep page starts
/// from an index position like the first one, also when the leading key is nullable.
/// </summary>
public static class KeysetPredicate
{
    /// <summary>Every row after the cursor in one predicate (a filter; use <see cref="Ranges{T}"/> to read a page).</summary>
    /// <param name="rowComparison">
    /// Whether the query goes to PostgreSQL through EF, which alone can run a row comparison
    /// (<c>EF.Functions.GreaterThan</c> on tuples); LINQ to objects gets the OR chain.
    /// </param>
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool rowComparison = false)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var members = keys.Select(k => ParameterReplacer.Rebind(k.Selector, entity)).ToArray();
        return Expression.Lambda<Func<T, bool>>(Chain(members, keys, values, leadingNulls: true, rowComparison), entity);
    }

    /// <summary>
    /// The rows after the cursor as one or two predicates, each an index range on the leading key, in read
    /// order (the first range's rows all come before the second's). Two only for a nullable leading key
    /// whose NULLs and non-NULLs both lie ahead: ascending from a value (the later values, then the NULLs
    /// at the end) and descending from a NULL (the remaining NULLs, then every value). One predicate with
    /// an <c>OR a IS NULL</c> arm would be a filter over the whole index instead.
    /// </summary>
    public static IReadOnlyList<Expression<Func<T, bool>>> Ranges<T>(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool rowComparison = false)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var members = keys.Select(k => ParameterReplacer.Rebind(k.Selector, entity)).ToArray();
        Expression<Func<T, bool>> Lambda(Expression body) => Expression.Lambda<Func<T, bool>>(body, entity);
        if (keys.Count > 1 && IsNullable(members[0]))
        {
            var leadIsNull = Comparisons.IsNull(members[0]);
            if (values[0] is not null && !keys[0].Descending)
            {
                return [Lambda(Chain(members, keys, values, leadingNulls: false, rowComparison)), Lambda(leadIsNull)];
            }

            if (values[0] is null && keys[0].Descending)
            {
                var rest = Chain(members[1..], keys.Skip(1).ToList(), values.Skip(1).ToList(), leadingNulls: true, rowComparison);
                return [Lambda(Expression.AndAlso(leadIsNull, rest)), Lambda(Expression.Not(leadIsNull))];
            }
        }

        return [Lambda(Chain(members, keys, values, leadingNulls: true, rowComparison))];
    }

    /// <summary>
    /// A row comparison where one means "after" (<see cref="RowComparison"/>); else the OR chain, with a
    /// redundant bound on a non-null leading value (<c>a &gt;= @a</c>, or <c>&lt;=</c> descending) that gives
    /// PostgreSQL an index range to start from: the OR chain alone is only a filter.
    /// <paramref name="leadingNulls"/> false leaves out the NULLs that follow an ascending leading value.
    /// </summary>
    private static Expression Chain(Expression[] members, IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool leadingNulls, bool rowComparison)
    {
        if (rowComparison && RowComparison(members, keys, values, leadingNulls) is { } row)
        {
            return row;
        }

        Expression? result = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var member = members[i];
            var after = Beyond(member, values[i], keys[i].Descending, includeNulls: i > 0 || leadingNulls);
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

        // The bound would drop the trailing NULLs of an ascending nullable key: only when they are not wanted here.
        var boundKeepsEveryRow = keys[0].Descending || !leadingNulls || !IsNullable(members[0]);
        if (result is not null && keys.Count > 1 && values[0] is not null && boundKeepsEveryRow)
        {
            var leading = members[0];
            var bound = Comparisons.Make(
                keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual,
                leading,
                ExpressionValues.Parameter(values[0], leading.Type));
            result = Expression.AndAlso(bound, result);
        }

        return result ?? Expression.Constant(false);
    }

    /// <summary>
    /// <c>(a, b, id) &gt; (@a, @b, @id)</c> (or <c>&lt;</c> descending): PostgreSQL's btree seeks straight to the
    /// cursor's position with a row comparison, also inside a group of ties on the leading key, where the
    /// OR chain's <c>a &gt;= @a</c> bound starts the scan at the first tie and filters forward (100,000 rows
    /// assigned in one statement share one <c>assignedAt</c>). Null when the row comparison would not mean
    /// "after": mixed directions (one comparison has one direction), a nullable key after the first or a NULL
    /// cursor value (a NULL makes the comparison NULL), or the trailing NULLs of an ascending nullable leading
    /// key still wanted (the comparison drops them; <see cref="Ranges{T}"/> reads them as a second range).
    /// </summary>
    private static Expression? RowComparison(Expression[] members, IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool leadingNulls)
    {
        var descending = keys[0].Descending;
        if (keys.Count < 2 || keys.Count > 7 || keys.Any(k => k.Descending != descending) || values.Any(v => v is null)
            || members.Skip(1).Any(IsNullable) || (!descending && leadingNulls && IsNullable(members[0])))
        {
            return null;
        }

        var types = members.Select(m => m.Type).ToArray();
        var tupleType = TupleTypes[types.Length - 2].MakeGenericType(types);
        var constructor = tupleType.GetConstructor(types)!;
        var parameters = members.Select((m, i) => ExpressionValues.Parameter(values[i], m.Type));
        var left = Expression.Convert(Expression.New(constructor, members), typeof(System.Runtime.CompilerServices.ITuple));
        var right = Expression.Convert(Expression.New(constructor, parameters), typeof(System.Runtime.CompilerServices.ITuple));
        var compare = descending ? RowLessThan : RowGreaterThan;
        return Expression.Call(compare, Expression.Constant(EF.Functions), left, right);
    }

    private static readonly Type[] TupleTypes =
        [typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>)];

    private static readonly System.Reflection.MethodInfo RowGreaterThan = RowMethod(nameof(NpgsqlDbFunctionsExtensions.GreaterThan));

    private static readonly System.Reflection.MethodInfo RowLessThan = RowMethod(nameof(NpgsqlDbFunctionsExtensions.LessThan));

    private static System.Reflection.MethodInfo RowMethod(string name) => typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        name, [typeof(DbFunctions), typeof(System.Runtime.CompilerServices.ITuple), typeof(System.Runtime.CompilerServices.ITuple)])!;

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
    private static Expression? Beyond(Expression member, object? value, bool descending, bool includeNulls)
    {
        var nullable = IsNullable(member);
        if (value is null)
        {
            // Ascending: nulls come last, nothing is beyond them. Descending: nulls come first, every non-null follows.
            return descending ? Expression.Not(Comparisons.IsNull(member)) : null;
        }

        var parameter = ExpressionValues.Parameter(value, member.Type);
        var past = Comparisons.Make(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, member, parameter);
        return !descending && nullable && includeNulls ? Expression.OrElse(past, Comparisons.IsNull(member)) : past;
    }
}
