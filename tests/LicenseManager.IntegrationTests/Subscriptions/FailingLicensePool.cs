using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>
/// The real license pool, which throws after it has written its licenses when asked for <see cref="FailingSize"/>
/// licenses, or when asked to copy into a renewal of <see cref="FailingSize"/>: a failure after the plan row was written.
/// </summary>
public sealed class FailingLicensePool(ILicensePool inner) : ILicensePool
{
    public const int FailingSize = 13;

    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ILicensePool));
        services.Remove(original);
        services.AddSingleton<ILicensePool>(sp => new FailingLicensePool((ILicensePool)(
            original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }

    public async Task<int> ProvisionAsync(UnitOfWork unit, Guid planId, Guid enterpriseCustomerId, int size, CancellationToken cancellationToken)
    {
        var added = await inner.ProvisionAsync(unit, planId, enterpriseCustomerId, size, cancellationToken);
        return size == FailingSize ? throw new InvalidOperationException("Simulated failure after the licenses were written.") : added;
    }

    public async Task<RenewalCopyResult> CopyToRenewedPlanAsync(
        UnitOfWork unit, Guid priorPlanId, Guid renewedPlanId, Guid enterpriseCustomerId, LicenseTypesToCopy licenseTypesToCopy, int numberOfLicenses, CancellationToken cancellationToken)
    {
        var result = await inner.CopyToRenewedPlanAsync(unit, priorPlanId, renewedPlanId, enterpriseCustomerId, licenseTypesToCopy, numberOfLicenses, cancellationToken);
        return numberOfLicenses == FailingSize ? throw new InvalidOperationException("Simulated failure after the licenses were copied.") : result;
    }
}
