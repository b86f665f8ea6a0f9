using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Filtering;

/// <summary><c>input {Entity}FilterInput { and or &lt;field&gt;: &lt;Op&gt;FilterInput }</c>, made from an entity's conventions.</summary>
public static class FilterInputType
{
    public static IInputObjectGraphType For<T>(GqlTypes types, EntityConventions<T> conventions) =>
        types.GetOrAdd($"{conventions.Name}FilterInput", () =>
        {
            var input = new InputObjectGraphType { Name = $"{conventions.Name}FilterInput" };
            input.Field("and", new ListGraphType(new NonNullGraphType(input)));
            input.Field("or", new ListGraphType(new NonNullGraphType(input)));
            foreach (var field in conventions.Filters)
            {
                input.Field(field.Name, OperationFilterInputs.For(types, field.ValueType));
            }

            return input;
        });
}
