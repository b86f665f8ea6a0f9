using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Scalars;

/// <summary>Maps CLR types to Hot Chocolate's scalar names so no GraphQL.NET-specific scalar leaks into the schema.</summary>
public static class ScalarConventions
{
    public static void Apply(ISchema schema)
    {
        schema.RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeType));
        schema.RegisterTypeMapping(typeof(DateTime), typeof(DateTimeType));
        schema.RegisterTypeMapping(typeof(DateOnly), typeof(DateType));
        schema.RegisterTypeMapping(typeof(Guid), typeof(UuidType));
        schema.RegisterTypeMapping(typeof(long), typeof(LongGraphType));
    }
}
