using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.Platform.Gql.Persisted;
using static LicenseManager.IntegrationTests.PersistedOperations.PersistedApi;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>Requests by id/documentId, the import command and the operator's fields.</summary>
public sealed class PersistedOperationTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task RelayManifest_Imported_RunsByIdAndDocumentId_OverPostAndGet_WithVariables()
    {
        var document = Unique(NodesQuery);
        var id = OperationHash.Md5Hex(document);

        var (exit, output, error) = await ImportAsync(factory.Services, RelayManifest(document));

        exit.ShouldBe(0, error);
        output.ShouldContain("Imported 1 new operation(s)");
        var client = factory.CreateGqlClient();
        var variables = new { ids = Ids(2) };
        var byId = await PostAsync(client, new { id, variables });
        byId.Status.ShouldBe(HttpStatusCode.OK, byId.Raw);
        byId.Data!["nodes"]!.AsArray().Count.ShouldBe(2);
        var byDocumentId = await PostAsync(client, new { documentId = id.ToUpperInvariant(), variables = new { ids = Ids(1) } });
        byDocumentId.Data!["nodes"]!.AsArray().Count.ShouldBe(1, byDocumentId.Raw);
        var (get, _) = await GetAsync(client, $"id={id}&variables=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(new { ids = Ids(3) })));
        get.Status.ShouldBe(HttpStatusCode.OK, get.Raw);
        get.Data!["nodes"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Import_Twice_IsIdempotent_AndApolloManifestRunsByDocumentId()
    {
        var document = Unique("{ __typename }");

        (await ImportAsync(factory.Services, ApolloManifest(document))).Exit.ShouldBe(0);
        var (exit, output, _) = await ImportAsync(factory.Services, ApolloManifest(document));

        exit.ShouldBe(0);
        output.ShouldContain("Imported 0 new operation(s)");
        output.ShouldContain("1 already stored");
        var response = await PostAsync(factory.CreateGqlClient(), new { documentId = OperationHash.Sha256Hex(document) });
        response.Data!["__typename"]!.GetValue<string>().ShouldBe("Query", response.Raw);
    }

    [Fact]
    public async Task Import_HashMismatch_RefusesTheWholeManifest()
    {
        var good = Unique("{ __typename }");
        var bad = Unique("{ __typename }");
        var manifest = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [OperationHash.Md5Hex(good)] = good,
            [OperationHash.Md5Hex(bad + " ")] = bad,
        });

        var (exit, _, error) = await ImportAsync(factory.Services, manifest);

        exit.ShouldBe(2);
        error.ShouldContain("Nothing was imported");
        error.ShouldContain($"{OperationHash.Md5Hex(bad + " ")}: does not match the text");
        (await PostAsync(factory.CreateGqlClient(), new { id = OperationHash.Md5Hex(good) })).FirstErrorCode.ShouldBe("HC0020");
    }

    [Theory]
    [InlineData("""{ "0123": "{ __typename }" }""", "not an MD5 (32) or SHA-256 (64) hex digest")]
    [InlineData("""{ "format": "apollo-persisted-query-manifest", "version": 2, "operations": [] }""", "Only version 1")]
    [InlineData("""[1, 2]""", "A manifest is a JSON object")]
    [InlineData("""{ "d41d8cd98f00b204e9800998ecf8427e": "" }""", "defines no operation")]
    public async Task Import_BadManifest_ExitsNonZeroWithTheReason(string manifest, string reason)
    {
        var (exit, _, error) = await ImportAsync(factory.Services, manifest);

        exit.ShouldBe(2);
        error.ShouldContain(reason);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task UnknownId_Is400_PersistedQueryNotFound()
    {
        var response = await PostAsync(factory.CreateGqlClient(), new { id = OperationHash.Md5Hex(Guid.NewGuid().ToString()) });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.FirstErrorCode.ShouldBe("HC0020");
        response.Errors![0]!["message"]!.GetValue<string>().ShouldBe("PersistedQueryNotFound");
    }

    [Fact]
    public async Task MalformedId_Is400_WithItsOwnCode()
    {
        var (response, _) = await GetAsync(factory.CreateGqlClient(), "id=not-a-hash");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.FirstErrorCode.ShouldBe(PersistedResolution.InvalidIdCode);
    }

    [Fact]
    public async Task Operator_RegistersAndLists_OthersMayNot()
    {
        var operatorClient = await factory.UserAsync(IdentityRoles.Operator);
        var document = Unique("{ __typename }");
        const string register = """
            mutation R($input: RegisterPersistedOperationInput!) {
              registerPersistedOperation(input: $input) { created operation { hash source name } errors { ... on Error { code message } } }
            }
            """;

        var created = await operatorClient.QueryAsync(register, new { input = new { document, name = "Typename" } });
        var again = await operatorClient.QueryAsync(register, new { input = new { document, id = OperationHash.Md5Hex(document) } });
        var mismatch = await operatorClient.QueryAsync(register, new { input = new { document, id = OperationHash.Md5Hex("x") } });
        var learner = await (await factory.UserAsync(IdentityRoles.Learner, Guid.NewGuid())).PostAsync(register, new { input = new { document } });

        created["registerPersistedOperation"]!["created"]!.GetValue<bool>().ShouldBeTrue();
        created["registerPersistedOperation"]!["operation"]!["hash"]!.GetValue<string>().ShouldBe(OperationHash.Sha256Hex(document));
        created["registerPersistedOperation"]!["operation"]!["source"]!.GetValue<string>().ShouldBe("OPERATOR");
        // Another hash of the same text is another id: stored too, and both run.
        again["registerPersistedOperation"]!["created"]!.GetValue<bool>().ShouldBeTrue();
        mismatch["registerPersistedOperation"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("PERSISTED_QUERY_HASH_MISMATCH");
        learner.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");

        var list = await operatorClient.QueryAsync(
            "query L($h: String!) { persistedOperations(where: { hash: { eq: $h } }) { totalCount nodes { name document } } }",
            new { h = OperationHash.Sha256Hex(document) });
        list["persistedOperations"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
        list["persistedOperations"]!["nodes"]![0]!["name"]!.GetValue<string>().ShouldBe("Typename");
        (await PostAsync(factory.CreateGqlClient(), new { id = OperationHash.Md5Hex(document) })).Data!["__typename"]!.GetValue<string>().ShouldBe("Query");
    }

    [Fact]
    public async Task Operator_RegisteringAnUnparsableDocument_GetsAnError_NothingStored()
    {
        var operatorClient = await factory.UserAsync(IdentityRoles.Operator);

        var result = await operatorClient.QueryAsync(
            "mutation { registerPersistedOperation(input: { document: \"{ oops\" }) { operation { hash } errors { ... on Error { code } } } }");

        result["registerPersistedOperation"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_OPERATION_DOCUMENT");
        result["registerPersistedOperation"]!["operation"].ShouldBeNull();
    }
}
