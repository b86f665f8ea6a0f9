using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Scalars;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.IntegrationTests.Foundation.TestFields;

/// <summary>Test-only root fields that exercise the transport: slow SQL, failures, deep and wide selections.</summary>
internal sealed class TransportTestQueries : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        query.Field<StringGraphType>("echo")
            .Argument<StringGraphType>("text")
            .Resolve(context => context.GetArgument<string?>("text"));

        query.Field<IntGraphType>("sleep")
            .Description("Runs pg_sleep in PostgreSQL, cancellable through the request's token.")
            .Argument<NonNullGraphType<IntGraphType>>("seconds")
            .Argument<UuidType>("tag", "Marks the SQL so that a test finds exactly its own statement in pg_stat_activity.")
            .ResolveAsync(async context =>
            {
                var dataSource = context.RequestServices!.GetRequiredService<NpgsqlDataSource>();
                var tag = context.GetArgument<Guid?>("tag")?.ToString("N") ?? "untagged";
                await using var command = dataSource.CreateCommand($"SELECT pg_sleep({context.GetArgument<int>("seconds")}) /* transport-test-sleep {tag} */");
                await command.ExecuteNonQueryAsync(context.CancellationToken);
                return 1;
            });

        query.Field<StringGraphType>("boom")
            .Resolve(_ => throw new InvalidOperationException("secret internal detail"));

        query.Field<RecursiveType>("tree").Resolve(_ => new object());
    }
}

internal sealed class RecursiveType : ObjectGraphType
{
    public RecursiveType()
    {
        Name = "TestTree";
        Field<IntGraphType>("value").Resolve(_ => 1);
        Field<RecursiveType>("child").Resolve(_ => new object());
        Field<ListGraphType<RecursiveType>>("children")
            .Argument<IntGraphType>("first")
            .Resolve(context => Enumerable.Range(0, context.GetArgument("first", 2)).Select(_ => new object()).ToList());
    }
}

internal sealed class TransportTestMutations : MutationExtension
{
    public override void Configure(ObjectGraphType mutation)
    {
        mutation.Field<IntGraphType>("touch").Resolve(_ => 1);
    }
}
