using GraphQL;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>One condition a field puts on its caller, checked before its resolver runs.</summary>
public abstract record FieldRequirement
{
    /// <summary>Null when met; otherwise the error to report instead of resolving the field.</summary>
    public abstract ExecutionError? Check(IRequestActor actor, IResolveFieldContext context);

    internal static ExecutionError? Authenticated(IRequestActor actor) =>
        actor.IsAuthenticated ? null : AuthErrors.NotAuthenticated();
}

public sealed record AuthenticatedRequirement : FieldRequirement
{
    public override ExecutionError? Check(IRequestActor actor, IResolveFieldContext context) => Authenticated(actor);
}

/// <summary>Any one of the roles.</summary>
public sealed record RoleRequirement(IReadOnlyList<string> AnyOf) : FieldRequirement
{
    public override ExecutionError? Check(IRequestActor actor, IResolveFieldContext context) =>
        Authenticated(actor) ?? (AnyOf.Any(actor.IsInRole) ? null : AuthErrors.NotAuthorized());
}

public sealed record ScopeRequirement(string Scope) : FieldRequirement
{
    public override ExecutionError? Check(IRequestActor actor, IResolveFieldContext context) =>
        Authenticated(actor) ?? (actor.HasScope(Scope) ? null : AuthErrors.NotAuthorized($"The token lacks the scope '{Scope}'."));
}

/// <summary>
/// The tenant named by a UUID argument must be one the token grants access to. The argument only
/// selects among the caller's tenants; it never widens them.
/// </summary>
public sealed record TenantArgumentRequirement(string ArgumentName, TenantAccess Access) : FieldRequirement
{
    public override ExecutionError? Check(IRequestActor actor, IResolveFieldContext context)
    {
        if (Authenticated(actor) is { } error)
        {
            return error;
        }

        var value = context.GetArgument<object?>(ArgumentName);
        var tenantId = value switch
        {
            Guid g => g,
            string s when Guid.TryParse(s, out var parsed) => parsed,
            _ => (Guid?)null,
        };
        return tenantId is { } id && actor.HasTenantAccess(id, Access) ? null : AuthErrors.NotAuthorized();
    }
}
