using GraphQL;
using GraphQL.Types;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Identity.Gql;

/// <summary><c>me</c>: the caller. Service clients are not people and have no viewer.</summary>
internal sealed class ViewerQueries : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ViewerType>>("me")
            .Description("The signed-in person making the request.")
            .RequireAuthenticated()
            .Resolve(context =>
            {
                var actor = context.RequestServices!.GetRequiredService<CurrentActor>();
                if (actor.Kind != ActorKind.User)
                {
                    throw AuthErrors.NotAuthorized("`me` is the signed-in person; service clients have no viewer.");
                }

                return actor;
            });
    }
}
