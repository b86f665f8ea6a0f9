using System.Net;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.IntegrationTests.Platform;

/// <summary>The short mutation form: derived types, id decoding, and "a failed mutation changes nothing".</summary>
public sealed class MutationFormTests(ProbeAppFactory factory) : IClassFixture<ProbeAppFactory>
{
    private const string Rename = """
        mutation($input: RenameProbesInput!) {
          renameProbes(input: $input) {
            renamedCount probeIds
            errors { __typename ... on Error { message code } ... on ProbeNameRefusedError { name probeIds } }
          }
        }
        """;

    [Fact]
    public async Task Schema_DerivesInputPayloadAndErrorTypesFromRecords()
    {
        var sdl = await factory.CreateClient().GetStringAsync("/graphql/schema.graphql");

        sdl.ShouldContain("\"Renames probes (test only).\"\n  renameProbes(input: RenameProbesInput!): RenameProbesPayload!");
        sdl.ShouldContain("input RenameProbesInput {\n  probeIds: [ID!]!\n  name: String!\n  nickname: String\n}");
        sdl.ShouldContain("type RenameProbesPayload {\n  renamedCount: Int\n  probeIds: [ID!]\n  errors: [RenameProbesError!]\n}");
        sdl.ShouldContain("union RenameProbesError = ProbeNameRefusedError");
        sdl.ShouldContain("type ProbeNameRefusedError implements Error {\n  message: String!\n  code: String!\n  name: String!\n  probeIds: [ID!]!\n}");
    }

    [Fact]
    public async Task ListOfIds_DecodedToKeys_AndEncodedBackInThePayload()
    {
        var ids = await ProbeIdsAsync(2);

        var data = await factory.CreateGqlClient().QueryAsync(Rename, new { input = new { probeIds = ids, name = "renamed-ok" } });

        data["renameProbes"]!["renamedCount"]!.GetValue<int>().ShouldBe(2);
        data["renameProbes"]!["probeIds"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe(ids);
    }

    [Fact]
    public async Task ErrorAfterWriting_RollsTheWriteBack()
    {
        var ids = await ProbeIdsAsync(1);

        var data = await factory.CreateGqlClient().QueryAsync(Rename, new { input = new { probeIds = ids, name = "refused" } });

        data["renameProbes"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("PROBE_NAME_REFUSED");
        data["renameProbes"]!["errors"]![0]!["probeIds"]![0]!.GetValue<string>().ShouldBe(ids[0]);
        data["renameProbes"]!["renamedCount"].ShouldBeNull();
        await using var db = await factory.CreateDbContextAsync();
        (await db.Probes.CountAsync(p => p.Name == "refused")).ShouldBe(0);
    }

    [Fact]
    public async Task UnitOfWork_ErrorAfterWriting_RollsTheWriteBack()
    {
        var ids = await ProbeIdsAsync(1);
        const string Document = "mutation($input: RenameProbesInUnitInput!) { renameProbesInUnit(input: $input) { renamedCount errors { ... on Error { code } } } }";
        var client = factory.CreateGqlClient();

        var refused = await client.QueryAsync(Document, new { input = new { probeId = ids[0], name = "refused" } });
        var accepted = await client.QueryAsync(Document, new { input = new { probeId = ids[0], name = "unit-ok" } });

        refused["renameProbesInUnit"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("PROBE_NAME_REFUSED");
        accepted["renameProbesInUnit"]!["renamedCount"]!.GetValue<int>().ShouldBe(1);
        await using var db = await factory.CreateDbContextAsync();
        (await db.Probes.CountAsync(p => p.Name == "refused")).ShouldBe(0);
        (await db.Probes.CountAsync(p => p.Name == "unit-ok")).ShouldBe(1);
    }

    [Fact]
    public async Task ResolverThrowingSynchronously_KeepsItsErrorCode()
    {
        var response = await factory.CreateGqlClient().PostAsync("mutation { refuseProbe(input: { reason: \"test\" }) { reason } }");

        response.FirstErrorCode.ShouldBe("PROBE_REFUSED", response.Raw);
    }

    [Theory]
    [InlineData("%%%not-base64%%%")]
    [InlineData("")]
    [InlineData("Q2F0YWxvZzowMTkzYTAwMDAwMDA3MDAwODAwMDAwMDAwMDAwMDAwMA==")] // a Catalog id where a Probe id is expected
    public async Task MalformedIdInAList_FailsTheFieldWithACode_AndChangesNothing(string bad)
    {
        var ids = await ProbeIdsAsync(1);

        var response = await factory.CreateGqlClient().PostAsync(Rename, new { input = new { probeIds = new[] { ids[0], bad }, name = "never" } });

        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        response.FirstErrorCode.ShouldBe("INVALID_NODE_ID", response.Raw);
        response.Raw.ShouldNotContain(" at ");
        await using var db = await factory.CreateDbContextAsync();
        (await db.Probes.CountAsync(p => p.Name == "never")).ShouldBe(0);
    }

    private async Task<string[]> ProbeIdsAsync(int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Probes.OrderBy(p => p.Id).Take(count).Select(p => p.Id).ToListAsync()).Select(id => NodeId.Encode("Probe", id)).ToArray();
    }
}
