using GraphQL;

namespace LicenseManager.Platform.Gql.Loading;

/// <summary>
/// The loaders of one request, kept in the execution's user context: a field selected under N parents
/// shares one loader (keyed by its place in the document), so the N parents cost one query.
/// </summary>
public static class BatchLoaders
{
    private const string ContextKey = "LicenseManager.BatchLoaders";

    public static BatchLoader<TKey, TValue> For<TKey, TValue>(
        IResolveFieldContext context,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull
    {
        Dictionary<object, object> loaders;
        lock (context.UserContext)
        {
            if (!context.UserContext.TryGetValue(ContextKey, out var existing) || existing is not Dictionary<object, object> found)
            {
                found = [];
                context.UserContext[ContextKey] = found;
            }

            loaders = found;
        }

        lock (loaders)
        {
            // The same field node under every parent: one loader (its arguments are the same for all of them).
            if (!loaders.TryGetValue(context.FieldAst, out var loader))
            {
                loader = new BatchLoader<TKey, TValue>(fetch);
                loaders[context.FieldAst] = loader;
            }

            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}
