namespace LicenseManager.Subscriptions.Contracts;

/// <summary>
/// What another module may read of a <c>SubscriptionPlan</c> GraphQL source object when it extends that type
/// (e.g. Licenses adds <c>SubscriptionPlan.licenses</c>). Subscriptions' plan entity implements it.
/// </summary>
public interface ISubscriptionPlanRef
{
    /// <summary>The plan's UUID.</summary>
    Guid Id { get; }

    /// <summary>The enterprise the plan belongs to.</summary>
    Guid EnterpriseCustomerId { get; }
}

/// <summary>GraphQL names of Subscriptions' types that other modules extend or reference.</summary>
public static class SubscriptionGraphTypes
{
    /// <summary>The plan object type.</summary>
    public const string SubscriptionPlan = "SubscriptionPlan";
}
