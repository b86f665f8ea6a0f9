namespace LicenseManager.Subscriptions.Data;

/// <summary>What kind of sale a product is; drives which ids a plan must carry. Seeded, rarely changed.</summary>
internal sealed class PlanType
{
    public static readonly Guid StandardPaidId = Guid.Parse("0193a0c0-0000-7000-8000-000000000001");
    public static readonly Guid OceId = Guid.Parse("0193a0c0-0000-7000-8000-000000000002");
    public static readonly Guid TrialId = Guid.Parse("0193a0c0-0000-7000-8000-000000000003");
    public static readonly Guid TestId = Guid.Parse("0193a0c0-0000-7000-8000-000000000004");

    public Guid Id { get; init; }

    public required string Label { get; init; }

    public required string Description { get; init; }

    public bool IsPaidSubscription { get; init; }

    public bool SalesforceIdRequired { get; init; }

    public bool InternalUseOnly { get; init; }
}
