using GraphQL;
using GraphQL.Instrumentation;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>
/// Checks a field's <see cref="FieldRequirement"/>s before its resolver runs. A failed check is thrown as the
/// field's error: the field becomes null (and so does the parent of a non-null field) with that one error,
/// as Hot Chocolate does; returning null instead would add a second "null for non-null" error.
/// </summary>
public sealed class AuthorizationFieldMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var requirements = context.FieldDefinition.Requirements();
        if (requirements.Count == 0)
        {
            return next(context);
        }

        var actor = context.Actor();
        foreach (var requirement in requirements)
        {
            if (requirement.Check(actor, context) is { } error)
            {
                throw error;
            }
        }

        return next(context);
    }
}
