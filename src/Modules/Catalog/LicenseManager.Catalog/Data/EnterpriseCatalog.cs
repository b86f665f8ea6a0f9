namespace LicenseManager.Catalog.Data;

/// <summary>A set of content an enterprise's licenses give access to.</summary>
internal sealed class EnterpriseCatalog
{
    public const int MaxTitleLength = 255;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EnterpriseCustomerId { get; init; }

    public required string Title { get; set; }
}
