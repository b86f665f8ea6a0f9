using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Adds fields to another module's object type, named by its GraphQL name (e.g. Licenses adds
/// <c>licenses</c> to Subscriptions' <c>SubscriptionPlan</c>). The field's source object is the owning
/// module's internal entity; the extension reads it only through an interface from the owner's Contracts.
/// Register with <see cref="ObjectTypeExtensionRegistration.AddObjectTypeExtension{T}"/>.
/// </summary>
public abstract class ObjectTypeExtension
{
    /// <summary>The GraphQL name of the extended type.</summary>
    public abstract string TypeName { get; }

    public abstract void Configure(IObjectGraphType type);
}

/// <summary>
/// Every registered <see cref="ObjectTypeExtension"/>. An extensible type takes this in its constructor and
/// calls <see cref="Apply"/> last, after declaring its own fields. Extensions add fields with
/// <c>type.AddField(...)</c> (e.g. a <c>FieldBuilder</c>'s <c>FieldType</c>).
/// </summary>
public sealed class ObjectTypeExtensions(IEnumerable<ObjectTypeExtension> extensions)
{
    private readonly ILookup<string, ObjectTypeExtension> byType = extensions.ToLookup(e => e.TypeName, StringComparer.Ordinal);

    public void Apply(IObjectGraphType type)
    {
        foreach (var extension in byType[type.Name])
        {
            extension.Configure(type);
        }
    }
}

public static class ObjectTypeExtensionRegistration
{
    public static IServiceCollection AddObjectTypeExtension<T>(this IServiceCollection services)
        where T : ObjectTypeExtension
    {
        services.AddSingleton<ObjectTypeExtension, T>();
        return services;
    }
}
