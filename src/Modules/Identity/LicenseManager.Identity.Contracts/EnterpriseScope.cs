using System.Linq.Expressions;

namespace LicenseManager.Identity.Contracts;

/// <summary>
/// A set of enterprises a caller may reach: every enterprise (operators) or the listed ones (possibly none).
/// Filter queries with <see cref="Filter{T}"/> so another enterprise's object looks exactly like one that does not exist.
/// </summary>
public sealed class EnterpriseScope
{
    /// <summary>Every enterprise.</summary>
    public static readonly EnterpriseScope Every = new(true, []);

    /// <summary>No enterprise.</summary>
    public static readonly EnterpriseScope NoEnterprise = new(false, []);

    private readonly HashSet<Guid> _enterprises;

    private EnterpriseScope(bool isEvery, IEnumerable<Guid> enterprises)
    {
        IsEvery = isEvery;
        _enterprises = [.. enterprises];
        Enterprises = [.. _enterprises];
    }

    /// <summary>Whether the scope is every enterprise (then <see cref="Enterprises"/> is empty).</summary>
    public bool IsEvery { get; }

    /// <summary>The enterprises listed (when not <see cref="IsEvery"/>).</summary>
    public Guid[] Enterprises { get; }

    /// <summary>The listed enterprises only.</summary>
    public static EnterpriseScope Only(IEnumerable<Guid> enterprises)
    {
        var scope = new EnterpriseScope(false, enterprises);
        return scope.Enterprises.Length == 0 ? NoEnterprise : scope;
    }

    /// <summary>Whether <paramref name="enterpriseId"/> is in the scope.</summary>
    public bool Includes(Guid enterpriseId) => IsEvery || _enterprises.Contains(enterpriseId);

    /// <summary>
    /// Keeps the rows whose enterprise (<paramref name="enterpriseOf"/>) is in the scope, as one SQL predicate
    /// (<c>enterprise_id = ANY(@ids)</c>; no predicate for <see cref="Every"/>).
    /// </summary>
    public IQueryable<T> Filter<T>(IQueryable<T> source, Expression<Func<T, Guid>> enterpriseOf)
    {
        if (IsEvery)
        {
            return source;
        }

        // A member of a closure object, not a constant: EF sends the ids as one array parameter.
        var ids = Expression.Property(Expression.Constant(this), nameof(Enterprises));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, enterpriseOf.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(contains, enterpriseOf.Parameters));
    }
}
