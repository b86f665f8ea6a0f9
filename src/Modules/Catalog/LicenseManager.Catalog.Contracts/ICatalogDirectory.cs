namespace LicenseManager.Catalog.Contracts;

/// <summary>Which enterprise owns a catalog (e.g. before a plan or an agreement points at it).</summary>
public interface ICatalogDirectory
{
    /// <summary>The owning enterprise of <paramref name="catalogId"/>, or null when no such catalog exists.</summary>
    /// <param name="catalogId">The catalog's UUID (the raw id, not the GraphQL global id).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<Guid?> EnterpriseOfAsync(Guid catalogId, CancellationToken cancellationToken);
}
