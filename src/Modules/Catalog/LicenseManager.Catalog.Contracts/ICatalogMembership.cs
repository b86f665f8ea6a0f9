namespace LicenseManager.Catalog.Contracts;

/// <summary>
/// Answers which content belongs to a catalog. Built for hot paths (entitlement checks): one indexed
/// query per call, however many keys are asked about.
/// </summary>
public interface ICatalogMembership
{
    /// <summary>
    /// Returns the subset of <paramref name="contentKeys"/> that <paramref name="catalogId"/> contains,
    /// compared exactly (ordinal, case-sensitive). An unknown catalog contains nothing.
    /// </summary>
    /// <param name="catalogId">The catalog's UUID (the raw id, not the GraphQL global id).</param>
    /// <param name="contentKeys">The keys to check; duplicates are allowed and answered once.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The contained keys, as a set with ordinal comparison.</returns>
    Task<IReadOnlySet<string>> ContainedKeysAsync(Guid catalogId, IReadOnlyCollection<string> contentKeys, CancellationToken cancellationToken);
}
