namespace LicenseManager.Licenses.Data;

/// <summary>
/// A notification to send, written in the same transaction as the change it announces; delivery (once, with
/// retries) belongs to scheduled processing. <see cref="Payload"/> is JSON for the template.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid EnterpriseCustomerId { get; set; }

    public Guid? SubscriptionPlanId { get; set; }

    public Guid? LicenseId { get; set; }

    /// <summary>Who gets the mail (a learner's email); null for operator notices sent to a configured address.</summary>
    public string? Recipient { get; set; }

    public string Payload { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }
}
