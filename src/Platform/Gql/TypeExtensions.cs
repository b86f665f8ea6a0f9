using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql;

/// <summary>Adds fields to the root <c>Query</c> type. Modules register these in DI; they never edit the Host.</summary>
public abstract class QueryExtension
{
    public abstract void Configure(ObjectGraphType query);
}

/// <summary>Adds fields to the root <c>Mutation</c> type.</summary>
public abstract class MutationExtension
{
    public abstract void Configure(ObjectGraphType mutation);
}

public static class TypeExtensionRegistration
{
    public static IServiceCollection AddQueryExtension<T>(this IServiceCollection services)
        where T : QueryExtension
    {
        services.AddSingleton<QueryExtension, T>();
        return services;
    }

    public static IServiceCollection AddMutationExtension<T>(this IServiceCollection services)
        where T : MutationExtension
    {
        services.AddSingleton<MutationExtension, T>();
        return services;
    }
}
