namespace LicenseManager.Subscriptions.Domain;

/// <summary>One link of a renewal chain as the chain rules need it.</summary>
internal sealed record RenewalLink(Guid RenewalId, Guid PriorPlanId, Guid? RenewedPlanId, DateTimeOffset EffectiveDate, DateTimeOffset RenewedExpirationDate, bool Processed);

/// <summary>
/// The renewals of one enterprise and its plans' expirations, and the rules that walk them. Renewals are 1:1
/// both ways (unique indexes), so from a plan there is at most one way forward and one way back.
/// </summary>
internal sealed class RenewalChain
{
    private readonly Dictionary<Guid, RenewalLink> byPrior;
    private readonly Dictionary<Guid, RenewalLink> byRenewed;
    private readonly IReadOnlyDictionary<Guid, DateTimeOffset> expirations;

    public RenewalChain(IEnumerable<RenewalLink> renewals, IReadOnlyDictionary<Guid, DateTimeOffset> planExpirations)
    {
        var links = renewals.ToList();
        byPrior = links.ToDictionary(r => r.PriorPlanId);
        byRenewed = links.Where(r => r.RenewedPlanId is not null).ToDictionary(r => r.RenewedPlanId!.Value);
        expirations = planExpirations;
    }

    /// <summary>The renewal of this plan (it is the prior plan), if any.</summary>
    public RenewalLink? RenewalOf(Guid planId) => byPrior.GetValueOrDefault(planId);

    /// <summary>The renewals that led to this plan, oldest first.</summary>
    public IReadOnlyList<RenewalLink> PriorRenewals(Guid planId)
    {
        var chain = new List<RenewalLink>();
        var seen = new HashSet<Guid> { planId };
        while (byRenewed.TryGetValue(planId, out var link) && seen.Add(link.PriorPlanId))
        {
            chain.Add(link);
            planId = link.PriorPlanId;
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>The furthest expiration along the forward chain: the plan's own, its renewals' and their plans'.</summary>
    public DateTimeOffset FurthestExpiration(Guid planId, DateTimeOffset ownExpiration)
    {
        var furthest = ownExpiration;
        var seen = new HashSet<Guid> { planId };
        while (byPrior.TryGetValue(planId, out var link))
        {
            furthest = Max(furthest, link.RenewedExpirationDate);
            if (link.RenewedPlanId is not { } next || !seen.Add(next))
            {
                break;
            }

            if (expirations.TryGetValue(next, out var expiration))
            {
                furthest = Max(furthest, expiration);
            }

            planId = next;
        }

        return furthest;
    }

    /// <summary>Within the lock window before an unprocessed renewal's effective date (or past it, until processed).</summary>
    public bool IsLockedForRenewalProcessing(Guid planId, DateTimeOffset now) =>
        RenewalOf(planId) is { Processed: false } link
        && now >= link.EffectiveDate - LicenseManager.Subscriptions.Contracts.PlanTerms.RenewalLockWindow;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
