using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>
/// Puts the check of a field's <see cref="FieldRequirement"/>s in front of its resolver, once, when the schema
/// is initialised; fields without requirements keep their resolver as it is. A schema-wide field middleware
/// did the same but ran for every field of every object in a result (sixty fields for a 20-key
/// <c>contentAccess</c>), only to find no requirement on almost all of them.
/// </summary>
internal sealed class FieldRequirementsVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var requirements = field.Requirements();
        if (requirements.Count > 0 && field.Resolver is not AuthorizingFieldResolver)
        {
            field.Resolver = new AuthorizingFieldResolver([.. requirements], field.Resolver ?? NameFieldResolver.Instance);
        }
    }
}

/// <summary>
/// Checks the requirements, then resolves. A failed check is thrown as the field's error: the field becomes
/// null (and so does the parent of a non-null field) with that one error, as Hot Chocolate does; returning null
/// instead would add a second "null for non-null" error.
/// </summary>
internal sealed class AuthorizingFieldResolver(FieldRequirement[] requirements, IFieldResolver inner) : IFieldResolver
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var actor = context.Actor();
        foreach (var requirement in requirements)
        {
            if (requirement.Check(actor, context) is { } error)
            {
                throw error;
            }
        }

        return inner.ResolveAsync(context);
    }
}
