using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// Counts EF query compilations (called only when a query misses EF's compiled-query cache), so a test shows
/// that a query the Platform builds per request from expressions is compiled once, not on every request.
/// </summary>
public sealed class QueryCompilations : IQueryExpressionInterceptor
{
    private readonly ConcurrentQueue<string> _compiled = new();

    public int Count => _compiled.Count;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        _compiled.Enqueue(queryExpression.ToString());
        return queryExpression;
    }
}
