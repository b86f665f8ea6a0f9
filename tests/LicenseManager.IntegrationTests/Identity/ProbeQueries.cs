using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>Test-only fields: one per kind of field requirement, and the actor as the resolvers see it.</summary>
internal sealed class ProbeQueries : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        query.Field<StringGraphType>("probeActor").RequireAuthenticated().Resolve(context =>
        {
            var actor = context.RequestServices!.GetRequiredService<ICurrentActor>();
            return JsonSerializer.Serialize(new
            {
                kind = actor.Kind.ToString(),
                actor.ClientId,
                actor.Email,
                actor.EmailVerified,
                roles = actor.Roles.Order().ToArray(),
                scopes = actor.Scopes.Order().ToArray(),
                actor.ClientEnterpriseId,
                actor.IsOperator,
            });
        });
        query.Field<StringGraphType>("probeOperatorOnly").RequireRole(IdentityRoles.Operator).Resolve(_ => "ok");
        query.Field<StringGraphType>("probeEmailScope").RequireScope("email").Resolve(_ => "ok");
        query.Field<StringGraphType>("probeAdminOf")
            .Argument<NonNullGraphType<IdGraphType>>("enterpriseId")
            .RequireTenantAccess("enterpriseId", TenantAccess.Administer)
            .Resolve(_ => "ok");
        query.Field<StringGraphType>("probeReadInResolver")
            .Argument<NonNullGraphType<IdGraphType>>("enterpriseId")
            .Resolve(context =>
            {
                context.EnsureTenantAccess(Guid.Parse(context.GetArgument<string>("enterpriseId")), TenantAccess.Read);
                return "ok";
            });
    }
}
