using System.Collections;
using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>A variable's type as GraphQL.NET coerces it, limited to scalars (and enums) in lists and non-nulls.</summary>
internal abstract record InputType
{
    public static InputType? From(ISchema schema, GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => From(schema, nonNull.Type) is { } inner ? new NonNull(inner) : null,
        GraphQLListType list => From(schema, list.Type) is { } inner ? new List(inner) : null,
        GraphQLNamedType named => schema.AllTypes[named.Name.StringValue] is ScalarGraphType scalar ? new Scalar(scalar) : null,
        _ => null,
    };

    /// <summary>As ValidationContext.GetVariableValueAsync does; false where it would throw.</summary>
    public abstract bool TryCoerce(object? raw, out object? value);

    internal sealed record NonNull(InputType Inner) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            value = null;
            return raw is not null && Inner.TryCoerce(raw, out value);
        }
    }

    internal sealed record List(InputType Inner) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            value = null;
            if (raw is null)
            {
                return true;
            }

            if (raw is IList items && raw is not string && raw is not IDictionary<string, object?>)
            {
                var coerced = new object?[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    if (!Inner.TryCoerce(items[i], out coerced[i]))
                    {
                        return false;
                    }
                }

                value = coerced;
                return true;
            }

            if (raw is IEnumerable and not string and not IDictionary<string, object?>)
            {
                // Other enumerables are rare in JSON input; GraphQL.NET builds a List<object?> for them.
                return false;
            }

            // A single value where a list is expected is a list of one.
            if (!Inner.TryCoerce(raw, out var single))
            {
                return false;
            }

            value = new object?[] { single };
            return true;
        }
    }

    internal sealed record Scalar(ScalarGraphType Type) : InputType
    {
        public override bool TryCoerce(object? raw, out object? value)
        {
            try
            {
                value = Type.ParseValue(raw);
                return true;
            }
            catch (Exception)
            {
                value = null;
                return false;
            }
        }
    }
}
