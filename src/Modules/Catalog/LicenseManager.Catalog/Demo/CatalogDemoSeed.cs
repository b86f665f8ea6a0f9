using LicenseManager.Catalog.Data;
using LicenseManager.Identity.Contracts;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Catalog.Demo;

/// <summary>
/// seed-demo: the catalog the demo plan opens (<see cref="DemoSubscriptions.CatalogId"/>) with a few courses, so
/// the demo learner's first contentAccess call is granted. Idempotent: an existing catalog is left as it is.
/// </summary>
internal static class CatalogDemoSeed
{
    public static readonly (string Key, string Title)[] Courses =
    [
        ("course-v1:edX+DemoX+2026", "Demonstration Course"),
        ("course-v1:edX+Data101+2026", "Data Analysis Basics"),
        ("course-v1:edX+Py201+2026", "Python for Everyone"),
    ];

    public static async Task<string?> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Catalogs.AnyAsync(c => c.Id == DemoSubscriptions.CatalogId, cancellationToken))
        {
            return null;
        }

        db.Catalogs.Add(new EnterpriseCatalog { Id = DemoSubscriptions.CatalogId, EnterpriseCustomerId = DemoAccounts.EnterpriseId, Title = "Demo catalog" });
        db.ContentItems.AddRange(Courses.Select(c => new ContentItem
        {
            CatalogId = DemoSubscriptions.CatalogId,
            ContentKey = c.Key,
            ContentType = ContentType.CourseRun,
            Title = c.Title,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return $"Demo catalog: {string.Join(", ", Courses.Select(c => c.Key))}.";
    }
}
