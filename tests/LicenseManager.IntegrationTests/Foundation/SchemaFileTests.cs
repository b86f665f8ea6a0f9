using GraphQL.Types;
using LicenseManager.Host.Commands;
using LicenseManager.IntegrationTests.Architecture;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class SchemaFileTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SchemaFile_EqualsTheExportedSchema()
    {
        var path = Path.Combine(ModuleBoundaryTests.RepositoryRoot(), "schema.graphql");
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "(schema.graphql is missing)";

        var exported = SchemaExport.Print(factory.Services.GetRequiredService<ISchema>());

        committed.ReplaceLineEndings("\n").ShouldBe(
            exported,
            "schema.graphql is stale: run `dotnet run --project src/Host -- schema export --output schema.graphql` and review the diff");
    }

    [Fact]
    public async Task ExportCommand_WritesTheSchemaToTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, ["schema", "export", "--output", path], output, error);

        exit.ShouldBe(0, error.ToString());
        (await File.ReadAllTextAsync(path)).ShouldBe(SchemaExport.Print(factory.Services.GetRequiredService<ISchema>()));
        File.Delete(path);
    }

    [Fact]
    public async Task ExportCommand_WithoutOutput_PrintsTheSchema()
    {
        using var output = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, ["schema", "export"], output, TextWriter.Null);

        exit.ShouldBe(0);
        output.ToString().ShouldContain("type Query {");
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("schema")]
    [InlineData("schema", "import")]
    [InlineData("schema", "export", "--output")]
    [InlineData("schema", "export", "--bogus", "x")]
    [InlineData("schema", "export", "--output", "a", "--output", "b")]
    public async Task Command_BadInput_ExitsNonZeroWithUsage(params string[] args)
    {
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, args, TextWriter.Null, error);

        exit.ShouldBe(2);
        error.ToString().ShouldContain("Usage:");
    }
}
