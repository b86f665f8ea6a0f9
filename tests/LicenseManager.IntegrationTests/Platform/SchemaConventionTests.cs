namespace LicenseManager.IntegrationTests.Platform;

public sealed class SchemaConventionTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>
{
    [Fact]
    public async Task Schema_Scalars_UseHotChocolateNames()
    {
        var sdl = await factory.CreateClient().GetStringAsync("/graphql/schema.graphql");

        sdl.ShouldContain("scalar UUID");
        sdl.ShouldContain("scalar DateTime");
        sdl.ShouldContain("scalar Date\n");
        sdl.ShouldContain("scalar Long");
        sdl.ShouldNotContain("Guid");
        sdl.ShouldNotContain("DateTimeOffset");
        sdl.ShouldNotContain("DateOnly");
        sdl.ShouldNotContain("BigInt");
    }

    [Fact]
    public async Task Schema_OperationInputs_AreSharedAcrossEntities()
    {
        var sdl = await factory.CreateClient().GetStringAsync("/graphql/schema.graphql");

        // Probe and Catalog filters both use the one StringOperationFilterInput.
        sdl.Split("input StringOperationFilterInput").Length.ShouldBe(2);
        sdl.ShouldContain("input ProbeFilterInput");
        sdl.ShouldContain("input CatalogFilterInput");
        sdl.ShouldContain("type ProbesConnection");
        sdl.ShouldContain("type ProbesSmallEdge");
    }
}
