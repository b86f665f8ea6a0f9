namespace LicenseManager.Subscriptions.Contracts;

/// <summary>
/// The fixed ids of the demo subscription data (<c>seed-demo</c>), so other modules' demo seeds can find them:
/// the demo enterprise's agreement and its plan of <see cref="PlanLicenses"/> licenses.
/// </summary>
public static class DemoSubscriptions
{
    /// <summary>The demo plan (current for a year from seeding, active, <see cref="PlanLicenses"/> UNASSIGNED licenses at first).</summary>
    public static readonly Guid PlanId = Guid.Parse("0193a0c0-0000-7000-8000-00000000d001");

    /// <summary>
    /// The catalog the demo plan opens: the agreement's default catalog. The Catalog module's demo seed (before
    /// Subscriptions in module order) creates a catalog with this id for the demo enterprise.
    /// </summary>
    public static readonly Guid CatalogId = Guid.Parse("0193a0c0-0000-7000-8000-00000000c001");

    /// <summary>The demo plan's size.</summary>
    public const int PlanLicenses = 100;
}
