using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace LicenseManager.Platform.Gql;

/// <summary>The SDL of the running schema: what <c>schema.graphql</c> holds and <c>/graphql/schema.graphql</c> serves.</summary>
public static class SchemaExport
{
    public static string Print(ISchema schema)
    {
        if (!schema.Initialized)
        {
            schema.Initialize();
        }

        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
