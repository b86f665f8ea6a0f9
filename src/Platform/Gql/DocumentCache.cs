using System.Collections.Concurrent;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Parsed documents that already passed validation once, keyed by their text. A hit skips parsing and
/// the static validation rules; the rules that depend on the request (complexity with its variables)
/// still run, see <see cref="GqlRequestExecutor"/>.
/// </summary>
public sealed class DocumentCache(IOptions<GqlOptions> options)
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public bool TryGet(string query, out GraphQLDocument document) => _documents.TryGetValue(query, out document!);

    public void Add(string query, GraphQLDocument document)
    {
        // Crude but bounded: a service has a small, fixed set of operations; a flood of distinct
        // ad-hoc documents just starts the cache over.
        if (_documents.Count >= options.Value.DocumentCacheSize)
        {
            _documents.Clear();
        }

        _documents.TryAdd(query, document);
    }
}
