using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Subscriptions.Gql;

internal static class Clock
{
    /// <summary>The request's "now" from the injected <see cref="TimeProvider"/> (a fake one in tests).</summary>
    public static DateTimeOffset Now(this IResolveFieldContext context) =>
        (context.RequestServices?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
}
