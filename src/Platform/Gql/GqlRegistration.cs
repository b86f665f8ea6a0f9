using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Data.Platform;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Persisted;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LicenseManager.Platform.Gql;

public static class GqlRegistration
{
    /// <summary>The GraphQL kernel: schema composed from module extensions, executor, transport.</summary>
    public static IServiceCollection AddGqlKernel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GqlOptions>().Bind(configuration.GetSection(GqlOptions.SectionName));
        services.AddGraphQL(builder => builder
            .AddSchema<AppSchema>()
            .AddSchemaVisitor<FieldRequirementsVisitor>()
            .AddExecutionStrategy<Execution.QueryExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.Converters.Add(new Execution.SerializedListConverter());
            })
            .AddErrorInfoProvider(sp => new GqlErrorInfoProvider(sp.GetRequiredService<IHostEnvironment>().IsDevelopment())));

        // GraphQL.NET registers its validator with TryAdd; ours wraps it (see PreparedDocumentValidator).
        services.AddSingleton<GraphQL.Validation.IDocumentValidator>(_ => new Execution.PreparedDocumentValidator(new GraphQL.Validation.DocumentValidator()));
        services.AddSingleton<QueryType>();
        services.AddSingleton<MutationType>();
        services.AddSingleton<NodeInterface>();
        services.AddSingleton<NodeFields>();
        services.AddSingleton<ObjectTypeExtensions>();
        services.AddSingleton<Conventions.GqlTypes>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<Paging.VersionedCounts>();
        services.AddSingleton<GqlRequestReader>();
        services.AddSingleton<GqlRequestExecutor>();
        services.AddSingleton<GqlHttpEndpoint>();
        services.AddPersistedOperations(configuration);
        return services;
    }

    /// <summary>The operation store (schema <c>platform</c>, migrated before the modules), APQ and caller policies.</summary>
    private static void AddPersistedOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersistedOperationsOptions>().Bind(configuration.GetSection(PersistedOperationsOptions.SectionName));
        services.AddSingleton<PersistedRequests>();
        if (!configuration.GetValue($"{PersistedOperationsOptions.SectionName}:Enabled", defaultValue: true))
        {
            // No store, no platform schema: ids are never found; caller policies (persisted-only, introspection) still apply.
            return;
        }

        services.AddModuleDbContext<PlatformDbContext>(PlatformDbContext.Schema);
        services.AddSingleton<OperationStore>();
        services.AddSingleton<OperationImport>();
        services.AddSingleton<PersistedOperationType>();
        services.AddSingleton<OperationSourceType>();
        services.AddQueryExtension<PersistedOperationQueries>();
        services.AddMutationExtension<PersistedOperationMutations>();
    }

    public static IEndpointRouteBuilder MapGqlEndpoint(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        endpoints.Map(path, http => http.RequestServices.GetRequiredService<GqlHttpEndpoint>().HandleAsync(http));
        endpoints.MapGet(path + "/schema.graphql", (ISchema schema) =>
            Results.Text(SchemaExport.Print(schema), "application/graphql; charset=utf-8"));
        return endpoints;
    }
}
