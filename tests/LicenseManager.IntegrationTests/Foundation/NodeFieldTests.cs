using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class NodeFieldTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Tm9UeXBlOjE=")] // "NoType:1": a type nobody resolves
    [InlineData("Q2F0YWxvZzowMTkzYTAwMDAwMDA3MDAwODAwMDAwMDAwMDAwMDAwMA==")] // a Catalog id that names nothing
    public async Task Node_WellFormedIdNamingNothing_IsNull(string id)
    {
        var data = await factory.CreateGqlClient().QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        data["node"].ShouldBeNull();
    }

    [Theory]
    [InlineData("%%%not-base64%%%")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("bm8tY29sb24=")] // "no-colon"
    [InlineData("Q2F0YWxvZzpub3QtYS11dWlk")] // "Catalog:not-a-uuid"
    public async Task Node_MalformedId_IsAFieldErrorWithCode(string id)
    {
        var response = await factory.CreateGqlClient().PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        response.FirstErrorCode.ShouldBe("INVALID_NODE_ID", response.Raw);
        response.Errors![0]!["path"]![0]!.GetValue<string>().ShouldBe("node");
        response.Data!["node"].ShouldBeNull();
        response.Raw.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Nodes_KeepsOrderAndLength()
    {
        var data = await factory.CreateGqlClient().QueryAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            new { ids = new[] { NodeId.Encode("Nothing", "1"), NodeId.Encode("Catalog", Guid.NewGuid()), NodeId.Encode("Nothing", "2") } });

        data["nodes"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Nodes_OneMalformedId_IsAFieldErrorWithCode()
    {
        var response = await factory.CreateGqlClient().PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { NodeId.Encode("Nothing", "1"), "%%%" } });

        response.FirstErrorCode.ShouldBe("INVALID_NODE_ID", response.Raw);
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
