using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Sorting;

/// <summary><c>input {Entity}SortInput { &lt;field&gt;: SortEnumType }</c>, made from an entity's conventions.</summary>
public static class SortInputType
{
    public static IInputObjectGraphType For<T>(GqlTypes types, EntityConventions<T> conventions) =>
        types.GetOrAdd($"{conventions.Name}SortInput", () =>
        {
            var input = new InputObjectGraphType { Name = $"{conventions.Name}SortInput" };
            foreach (var field in conventions.Sorts)
            {
                input.Field(field.Name, typeof(SortEnumType));
            }

            return input;
        });
}
