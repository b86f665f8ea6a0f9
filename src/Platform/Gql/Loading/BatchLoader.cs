using GraphQL.DataLoader;

namespace LicenseManager.Platform.Gql.Loading;

/// <summary>
/// Collects the keys requested while one level of the query executes and loads them in one call when
/// the executor asks for the first result (GraphQL.NET resolves <see cref="IDataLoaderResult"/>s after
/// the other fields of the level). Keys requested after a batch started go into the next batch.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private Batch _open = new();

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            _open.Keys.Add(key);
            return new Result(this, _open, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Loading is null)
            {
                batch.Loading = fetch(batch.Keys.Distinct().ToList(), cancellationToken);
                if (ReferenceEquals(batch, _open))
                {
                    _open = new Batch();
                }
            }

            return batch.Loading;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Loading { get; set; }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
