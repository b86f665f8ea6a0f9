using GraphQL.Types;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Identity.Gql;

internal sealed record ViewerEnterprise(Guid EnterpriseCustomerId, string Role);

/// <summary>The signed-in person, as the token describes them.</summary>
internal sealed class ViewerType : ObjectGraphType<CurrentActor>
{
    public ViewerType(ObjectTypeExtensions extensions)
    {
        Name = "Viewer";
        Description = "The signed-in person making the request.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => NodeId.Encode("User", c.Source.UserId!.Value));
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<BooleanGraphType>>("emailVerified")
            .Description("Whether the email is verified. Licenses are matched by email, so an unverified email gets none.")
            .Resolve(c => c.Source.EmailVerified);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("operator, enterprise_admin, learner.")
            .Resolve(c => c.Source.Roles.Order(StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ViewerEnterpriseType>>>>("enterprises")
            .Description("The enterprises the person belongs to, with their role in each.")
            .Resolve(c => c.Source.AdminOfEnterprises.Select(e => new ViewerEnterprise(e, IdentityRoles.EnterpriseAdmin))
                .Concat(c.Source.LearnerOfEnterprises.Select(e => new ViewerEnterprise(e, IdentityRoles.Learner)))
                .OrderBy(m => m.EnterpriseCustomerId).ThenBy(m => m.Role, StringComparer.Ordinal)
                .ToList());
        // Other modules add the viewer's own things (Licenses: me.licenses).
        extensions.Apply(this);
    }
}

internal sealed class ViewerEnterpriseType : ObjectGraphType<ViewerEnterprise>
{
    public ViewerEnterpriseType()
    {
        Name = "ViewerEnterprise";
        Description = "A membership of the viewer in one enterprise customer.";
        Field(m => m.EnterpriseCustomerId);
        Field(m => m.Role).Description("enterprise_admin or learner.");
    }
}
