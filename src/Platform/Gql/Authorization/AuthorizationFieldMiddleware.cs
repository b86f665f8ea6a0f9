using GraphQL;
using GraphQL.Instrumentation;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>
/// Checks a field's <see cref="FieldRequirement"/>s before its resolver runs. A failed check reports the
/// error and resolves the field to null (which nulls the parent of a non-null field), as Hot Chocolate does.
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
                error.AddLocation(context.FieldAst, context.Document);
                error.Path = context.ResponsePath;
                context.Errors.Add(error);
                return ValueTask.FromResult<object?>(null);
            }
        }

        return next(context);
    }
}
