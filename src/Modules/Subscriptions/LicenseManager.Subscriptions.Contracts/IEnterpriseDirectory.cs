namespace LicenseManager.Subscriptions.Contracts;

/// <summary>
/// Whether an enterprise customer exists. An enterprise exists when it has a customer agreement; other modules
/// ask here before creating anything for an enterprise (a catalog, a plan).
/// </summary>
public interface IEnterpriseDirectory
{
    /// <summary>True when <paramref name="enterpriseCustomerId"/> has a customer agreement.</summary>
    /// <param name="enterpriseCustomerId">The enterprise customer's UUID.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<bool> ExistsAsync(Guid enterpriseCustomerId, CancellationToken cancellationToken);
}
