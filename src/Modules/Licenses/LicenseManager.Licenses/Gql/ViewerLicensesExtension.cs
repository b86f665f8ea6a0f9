using GraphQL;
using GraphQL.Types;
using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Scalars;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// <c>me.licenses(...)</c>: the caller's own licenses, matched by user id or by verified email (an unverified
/// email matches nothing), with the reference's switches; ordered by status, then the plan's expiration (latest first).
/// </summary>
internal sealed class ViewerLicensesExtension : ObjectTypeExtension
{
    public override string TypeName => "Viewer";

    public override void Configure(IObjectGraphType type)
    {
        var field = new FieldType
        {
            Name = "licenses",
            Description = "The caller's licenses (by user id or verified email).",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(LicenseType.TypeName)))),
            Arguments = new QueryArguments(
                new QueryArgument<UuidType> { Name = "enterpriseCustomerId", Description = "Only this enterprise's licenses." },
                new QueryArgument<BooleanGraphType> { Name = "activePlansOnly", DefaultValue = true },
                new QueryArgument<BooleanGraphType> { Name = "currentPlansOnly", DefaultValue = true },
                new QueryArgument<BooleanGraphType> { Name = "includeRevoked", DefaultValue = false }),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(async context => await ResolveAsync(context)),
        };
        type.AddField(field);
    }

    private static async Task<IReadOnlyList<License>> ResolveAsync(IResolveFieldContext context)
    {
        var actor = context.CurrentActor();
        var userId = actor?.UserId;
        var email = actor.VerifiedEmail();
        if (userId is null && email is null)
        {
            return [];
        }

        var services = context.RequestServices!;
        var enterprise = context.GetArgument<Guid?>("enterpriseCustomerId");
        var includeRevoked = context.GetArgument("includeRevoked", false);
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"""
            SELECT {LearnerLicenses.Columns} FROM licenses.licenses WHERE user_id = @user AND status <> 0
            UNION
            SELECT {LearnerLicenses.Columns} FROM licenses.licenses WHERE user_email = @email AND status <> 0
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<string?>("email", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = email });
        var found = new List<License>();
        await using (var reader = await command.ExecuteReaderAsync(context.CancellationToken))
        {
            while (await reader.ReadAsync(context.CancellationToken))
            {
                var license = LearnerLicenses.Read(reader);
                if ((enterprise is null || license.EnterpriseCustomerId == enterprise) && (includeRevoked || license.Status != LicenseStatus.Revoked))
                {
                    found.Add(license);
                }
            }
        }

        var plans = await services.GetRequiredService<IPlanTerms>().GetManyAsync(found.Select(l => l.SubscriptionPlanId).ToList(), context.CancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var activeOnly = context.GetArgument("activePlansOnly", true);
        var currentOnly = context.GetArgument("currentPlansOnly", true);
        return found
            .Where(l => plans.TryGetValue(l.SubscriptionPlanId, out var plan) && (!activeOnly || plan.IsActive) && (!currentOnly || plan.IsCurrent(now)))
            .OrderBy(l => l.Status).ThenByDescending(l => plans[l.SubscriptionPlanId].ExpirationDate).ThenBy(l => l.Id)
            .ToList();
    }
}
