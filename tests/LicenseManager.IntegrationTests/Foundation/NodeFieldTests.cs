using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class NodeFieldTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("Tm9UeXBlOjE=")] // "NoType:1": a type nobody resolves
    public async Task Node_UnknownOrGarbageId_IsNull(string id)
    {
        var data = await factory.CreateGqlClient().QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        data["node"].ShouldBeNull();
    }

    [Fact]
    public async Task Nodes_KeepsOrderAndLength()
    {
        var data = await factory.CreateGqlClient().QueryAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            new { ids = new[] { "x", NodeId.Encode("Nothing", "1"), "y" } });

        data["nodes"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Nodes_OverFiftyIds_IsAnError()
    {
        var ids = Enumerable.Range(0, 51).Select(i => NodeId.Encode("Nothing", i.ToString())).ToArray();

        var response = await factory.CreateGqlClient().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.FirstErrorCode.ShouldBe("NODES_LIMIT_EXCEEDED");
    }
}
