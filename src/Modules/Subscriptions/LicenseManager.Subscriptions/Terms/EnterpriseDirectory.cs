using LicenseManager.Subscriptions.Contracts;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Terms;

/// <summary>An enterprise exists when it has a customer agreement (one indexed lookup).</summary>
internal sealed class EnterpriseDirectory(IDbContextFactory<SubscriptionsDbContext> factory) : IEnterpriseDirectory
{
    public async Task<bool> ExistsAsync(Guid enterpriseCustomerId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CustomerAgreements.AnyAsync(a => a.EnterpriseCustomerId == enterpriseCustomerId, cancellationToken);
    }
}
