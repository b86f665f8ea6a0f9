namespace LicenseManager.Licenses.Contracts;

/// <summary>
/// What another module may read of a <c>License</c> GraphQL source object when it extends that type
/// (Subscriptions adds <c>License.subscriptionPlan</c>, batched by plan). Licenses' entity implements it.
/// </summary>
public interface ILicenseRef
{
    /// <summary>The license's UUID.</summary>
    Guid Id { get; }

    /// <summary>The plan the license belongs to.</summary>
    Guid SubscriptionPlanId { get; }
}

/// <summary>GraphQL names of Licenses' types that other modules extend or reference.</summary>
public static class LicenseGraphTypes
{
    /// <summary>The license object type.</summary>
    public const string License = "License";
}
