using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// What a plan's license list offers; each sortable field has a (plan_id, field, id) index, and status is
/// stored as an integer so it sorts by lifecycle order.
/// </summary>
internal static class LicenseConventions
{
    public static readonly EntityConventions<License> Licenses = new EntityConventions<License>("License", l => l.Id)
        .FilterAndSort("status", l => l.Status)
        .FilterAndSort("userEmail", l => l.UserEmail)
        .FilterAndSort("assignedAt", l => l.AssignedAt)
        .FilterAndSort("activatedAt", l => l.ActivatedAt)
        .FilterAndSort("lastRemindedAt", l => l.LastRemindedAt)
        .Filter("revokedAt", l => l.RevokedAt)
        .Filter("autoApplied", l => l.AutoApplied);
}
