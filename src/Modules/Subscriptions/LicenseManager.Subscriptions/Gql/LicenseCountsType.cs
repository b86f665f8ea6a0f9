using GraphQL.Types;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class LicenseCountsType : ObjectGraphType<LicenseCounts>
{
    public LicenseCountsType()
    {
        Name = "LicenseCounts";
        Field<NonNullGraphType<LongGraphType>>("unassigned").Resolve(c => c.Source.Unassigned);
        Field<NonNullGraphType<LongGraphType>>("assigned").Resolve(c => c.Source.Assigned);
        Field<NonNullGraphType<LongGraphType>>("activated").Resolve(c => c.Source.Activated);
        Field<NonNullGraphType<LongGraphType>>("revoked").Resolve(c => c.Source.Revoked);
        // The reference's "total" leaves revoked licenses out: it is the plan's size.
        Field<NonNullGraphType<LongGraphType>>("total").Description("Live licenses (revoked ones excluded): the plan's size.")
            .Resolve(c => c.Source.Unassigned + c.Source.Assigned + c.Source.Activated);
        Field<NonNullGraphType<LongGraphType>>("allocated").Description("ASSIGNED + ACTIVATED.").Resolve(c => c.Source.Allocated);
    }
}

/// <summary>The plan's cap settings combined with the revocations the Licenses module counted.</summary>
internal sealed record PlanRevocations(bool IsCapEnabled, int MaxPercentage, int Applied, long? Remaining)
{
    public static PlanRevocations From(SubscriptionPlan plan, LicenseCounts? counts)
    {
        var applied = counts?.RevocationsApplied ?? 0;
        var live = counts is null ? 0 : counts.Unassigned + counts.Assigned + counts.Activated;
        return new PlanRevocations(
            plan.IsRevocationCapEnabled,
            plan.RevokeMaxPercentage,
            applied,
            plan.IsRevocationCapEnabled ? RevocationCap.Remaining(live, plan.RevokeMaxPercentage, applied) : null);
    }
}

internal sealed class PlanRevocationsType : ObjectGraphType<PlanRevocations>
{
    public PlanRevocationsType()
    {
        Name = "PlanRevocations";
        Field(r => r.IsCapEnabled);
        Field(r => r.MaxPercentage);
        Field(r => r.Applied).Description("Revocations of ACTIVATED licenses counted against the cap.");
        Field(r => r.Remaining, nullable: true).Description("Revocations of ACTIVATED licenses still allowed; null when the cap is off.");
    }
}
