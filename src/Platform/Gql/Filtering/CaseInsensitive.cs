using System.Collections;
using System.Linq.Expressions;
using LicenseManager.Platform.Gql.Conventions;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Platform.Gql.Filtering;

/// <summary>
/// String operations of a field declared case-insensitive: substring matches as <c>ILIKE</c> (or, for a column
/// stored lower-cased, <c>LIKE</c> with the lower-cased input) with the
/// client's text escaped (so <c>%</c> and <c>_</c> match themselves), which a <c>pg_trgm</c> GIN index
/// (<c>gin_trgm_ops</c>) serves; equality against the lower-cased input (the column is stored lower-cased).
/// </summary>
internal static class CaseInsensitive
{
    private static readonly System.Reflection.MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo ExactLike = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public static IDictionary<string, object?> Normalize(IDictionary<string, object?> operations)
    {
        var normalized = new Dictionary<string, object?>(operations.Count);
        foreach (var (op, value) in operations)
        {
            normalized[op] = op switch
            {
                "eq" or "neq" when value is string text => text.ToLowerInvariant(),
                "in" or "nin" when value is IEnumerable list and not string =>
                    list.Cast<object?>().Select(v => v is string s ? s.ToLowerInvariant() : v).ToList(),
                _ => value,
            };
        }

        return normalized;
    }

    /// <summary>
    /// <c>member ILIKE @pattern</c> for <c>contains</c>, <c>startsWith</c> or <c>endsWith</c>; <c>member LIKE
    /// lower(@pattern)</c> for a column stored lower-cased (case folding per row is what makes ILIKE slow).
    /// </summary>
    public static Expression Like(Expression member, string op, string text, bool negate, bool storedLowerCase = false)
    {
        var escaped = Escape(storedLowerCase ? text.ToLowerInvariant() : text);
        var pattern = op switch
        {
            "contains" => $"%{escaped}%",
            "startsWith" => $"{escaped}%",
            "endsWith" => $"%{escaped}",
            _ => throw new InvalidOperationException($"Unknown string operation '{op}'."),
        };
        Expression like = Expression.Call(storedLowerCase ? ExactLike : ILike, Expression.Constant(EF.Functions), member, ExpressionValues.Parameter(pattern, typeof(string)));
        if (negate)
        {
            // SQL's NOT (NULL ILIKE …) is NULL, i.e. not matched; "does not contain" should keep NULLs, as the exact-case form does.
            like = Expression.OrElse(Comparisons.IsNull(member), Expression.Not(like));
        }

        return like;
    }

    /// <summary>PostgreSQL's default LIKE escape character is the backslash.</summary>
    private static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
