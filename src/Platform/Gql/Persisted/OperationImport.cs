namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// <c>operations import &lt;file&gt;</c>: reads a Relay or Apollo manifest, verifies every id against its text,
/// and stores the new ones in one statement. Nothing is stored unless the whole manifest is valid.
/// </summary>
public sealed class OperationImport(OperationStore store)
{
    public async Task<string> ImportAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException([$"Cannot read '{path}': {exception.Message}"]);
        }

        var entries = OperationManifest.Read(json);
        var added = await store.AddAsync(entries, OperationSource.Import, cancellationToken);
        return $"Imported {added} new operation(s) from {Path.GetFileName(path)}; {entries.Count - added} already stored.";
    }
}
