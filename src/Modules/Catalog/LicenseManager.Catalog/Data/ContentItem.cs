namespace LicenseManager.Catalog.Data;

internal sealed class ContentItem
{
    public const int MaxContentKeyLength = 255;
    public const int MaxTitleLength = 255;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CatalogId { get; init; }

    /// <summary>The content's key in the content system, unique within a catalog.</summary>
    public required string ContentKey { get; init; }

    public ContentType ContentType { get; set; }

    public required string Title { get; set; }
}

internal enum ContentType
{
    Course,
    CourseRun,
    Program,
}
