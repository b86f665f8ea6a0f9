namespace LicenseManager.Subscriptions.Data;

/// <summary>What was sold; its plan type decides the plan's required ids.</summary>
internal sealed class Product
{
    public const int MaxNameLength = 255;
    public const int MaxDescriptionLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    public string? Description { get; init; }

    public Guid PlanTypeId { get; init; }

    public string? SalesforceProductId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
