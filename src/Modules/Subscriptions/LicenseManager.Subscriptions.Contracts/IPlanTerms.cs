namespace LicenseManager.Subscriptions.Contracts;

/// <summary>Plan terms for many plans at once (one query per call, whatever the number of plans).</summary>
public interface IPlanTerms
{
    /// <summary>The terms of each known plan among <paramref name="planIds"/>; unknown ids are absent from the result.</summary>
    /// <param name="planIds">Plan UUIDs; duplicates allowed.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<Guid, PlanTerms>> GetManyAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken);

    /// <summary>Every plan of one enterprise (for auto-apply and the learner's view), any state.</summary>
    /// <param name="enterpriseCustomerId">The enterprise customer's UUID.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<PlanTerms>> ForEnterpriseAsync(Guid enterpriseCustomerId, CancellationToken cancellationToken);
}
