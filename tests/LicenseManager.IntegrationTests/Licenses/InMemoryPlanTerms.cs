using System.Collections.Concurrent;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// A stand-in for Subscriptions' <see cref="IPlanTerms"/> (another module's contract, not the database), for
/// tests of Licenses' own rules that need many plans cheaply; tests set and change plan terms directly. Rules
/// that rest on the contract itself (renewal lock, plan dates and active switch) are tested against real plans
/// made through Subscriptions' mutations: <see cref="RealPlanTermsTests"/>.
/// </summary>
public sealed class InMemoryPlanTerms : IPlanTerms
{
    private readonly ConcurrentDictionary<Guid, PlanTerms> _plans = new();

    public void Set(PlanTerms terms) => _plans[terms.PlanId] = terms;

    public PlanTerms Get(Guid planId) => _plans[planId];

    public Task<IReadOnlyDictionary<Guid, PlanTerms>> GetManyAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<Guid, PlanTerms> found = planIds.Distinct()
            .Where(_plans.ContainsKey)
            .ToDictionary(id => id, id => _plans[id]);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<PlanTerms>> ForEnterpriseAsync(Guid enterpriseCustomerId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlanTerms> found = _plans.Values.Where(p => p.EnterpriseCustomerId == enterpriseCustomerId).ToList();
        return Task.FromResult(found);
    }
}
