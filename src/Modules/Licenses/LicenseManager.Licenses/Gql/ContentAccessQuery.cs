using GraphQL;
using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Domain;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Platform.Gql.Scalars;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Gql;

/// <summary>
/// <c>contentAccess</c>: the learner is the caller; an operator, or the enterprise's partner service, names the
/// learner with <c>userId</c> or <c>userEmail</c>. A person may not ask about somebody else.
/// </summary>
internal sealed class ContentAccessQuery : QueryExtension
{
    public const int MaxKeys = 100;

    public override void Configure(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContentAccessType>>>>("contentAccess")
            .Description($"Per content key: granted (with the license and a checksum) or the reason it is not. At most {MaxKeys} keys.")
            .Argument<NonNullGraphType<UuidType>>("enterpriseCustomerId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("contentKeys")
            .Argument<IdGraphType>("userId", "The learner (a User id); only operators and the enterprise's partner service name one.")
            .Argument<StringGraphType>("userEmail", "The learner's email; only operators and the enterprise's partner service name one.")
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var keys = context.GetArgument<List<string>>("contentKeys");
                if (keys.Count > MaxKeys)
                {
                    throw new ExecutionError($"At most {MaxKeys} content keys may be checked at once; {keys.Count} were given.") { Code = "TOO_MANY_CONTENT_KEYS" };
                }

                var enterprise = context.GetArgument<Guid>("enterpriseCustomerId");
                var (userId, email) = Learner(context, enterprise);
                var entitlements = context.RequestServices!.GetRequiredService<Entitlements>();
                return await entitlements.CheckAsync(enterprise, userId, email, keys, context.CancellationToken);
            });
    }

    private static (Guid? UserId, string? Email) Learner(IResolveFieldContext context, Guid enterprise)
    {
        var actor = context.CurrentActor()!;
        var namedId = context.GetArgument<string?>("userId");
        var namedEmail = context.GetArgument<string?>("userEmail");
        Guid? userId = null;
        if (namedId is not null)
        {
            userId = NodeId.TryDecodeGuid(namedId, "User", out var decoded) ? decoded
                : Guid.TryParse(namedId, out var raw) ? raw
                : throw new ExecutionError($"'{namedId}' is not a User id.") { Code = "INVALID_USER_ID" };
        }

        var email = namedEmail is null ? null : Emails.Normalize(namedEmail);
        var mayName = actor.IsGlobalOperator() || actor is { Kind: ActorKind.PartnerService } && actor.ClientEnterpriseId == enterprise;
        if (mayName && (userId is not null || email is not null))
        {
            return (userId, email);
        }

        if (actor.Kind != ActorKind.User)
        {
            throw AuthErrors.NotAuthorized();
        }

        // A person asks for themselves; naming anybody else is refused, not silently ignored.
        var self = (actor.UserId, actor.VerifiedEmail());
        if ((userId is not null && userId != self.UserId) || (email is not null && email != self.Item2))
        {
            throw AuthErrors.NotAuthorized();
        }

        return self;
    }
}

internal sealed class ContentAccessType : ObjectGraphType<ContentAccess>
{
    public ContentAccessType()
    {
        Name = "ContentAccess";
        Field(a => a.ContentKey);
        Field(a => a.Granted);
        Field(a => a.Reason, type: typeof(EnumerationGraphType<ContentAccessDenialReason>)).Description("Why not, when not granted.");
        Field(a => a.License, type: typeof(LicenseType)).Description("The granting license: of the plan with the furthest expiration.");
        Field(a => a.Checksum, nullable: true)
            .Description("base64(HMAC-SHA256(secret, \"{userId}:{contentKey}:{licenseId}\")), ids as hyphenated lower-case UUIDs.");
        // Signed only when selected: partners that verify offline ask for it, everybody else pays nothing.
        Field<StringGraphType>("assertion")
            .Description("When granted: a short-lived compact JWS (typ entitlement+jwt, RS256) of learner, enterprise, content key and license, "
                         + "verifiable with the keys at /.well-known/openid-configuration (docs/entitlement-assertions.md).")
            .Resolve(context => context.Source is { Granted: true, License: { } license }
                ? context.RequestServices!.GetRequiredService<IEntitlementAssertions>().Sign(new EntitlementGrant(
                    license.UserId, license.UserEmail, license.EnterpriseCustomerId, context.Source.ContentKey, license.Id))
                : null);
    }
}
