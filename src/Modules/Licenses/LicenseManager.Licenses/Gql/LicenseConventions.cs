using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// What a plan's license list offers; each sortable field has a (plan_id, field, id) index, and status is
/// stored as an integer so it sorts by lifecycle order. Emails are stored lower-case, so they filter
/// case-insensitively (ILIKE, served by a trigram index for contains).
/// </summary>
internal static class LicenseConventions
{
    public static readonly EntityConventions<License> Licenses = new EntityConventions<License>("License", l => l.Id)
        .FilterAndSort("status", l => l.Status, index: "ix_licenses_plan_id_status_id")
        .FilterAndSort("userEmail", l => l.UserEmail, index: "ix_licenses_plan_id_user_email_id")
        .FilterAndSort("assignedAt", l => l.AssignedAt, index: "ix_licenses_plan_id_assigned_at_id")
        .FilterAndSort("activatedAt", l => l.ActivatedAt, index: "ix_licenses_plan_id_activated_at_id")
        .FilterAndSort("lastRemindedAt", l => l.LastRemindedAt, index: "ix_licenses_plan_id_last_reminded_at_id")
        .Filter("revokedAt", l => l.RevokedAt)
        .Filter("autoApplied", l => l.AutoApplied)
        // Emails are stored normalised (Emails.Normalize: trimmed, lower-cased), so substring filters need no ILIKE.
        .IgnoreCase("userEmail", storedLowerCase: true);
}
