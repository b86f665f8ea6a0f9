using System.Text.Json;

namespace LicenseManager.Subscriptions.Data;

/// <summary>Appends to the change history on the same context (so in the same transaction) as the change.</summary>
internal static class ChangeLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Record<T>(
        SubscriptionsDbContext db, T entity, Guid entityId, Guid? enterpriseCustomerId, ChangeKind kind, string actor, DateTimeOffset at, ChangeReason? reason = null)
        where T : class =>
        db.ChangeHistory.Add(new ChangeRecord
        {
            EntityType = typeof(T).Name,
            EntityId = entityId,
            EnterpriseCustomerId = enterpriseCustomerId,
            Kind = kind,
            Actor = actor,
            ChangeReason = reason,
            At = at,
            Snapshot = JsonSerializer.SerializeToDocument(entity, Json),
        });
}
