using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.Platform.Gql.Persisted;
using static LicenseManager.IntegrationTests.PersistedOperations.PersistedApi;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>Apollo's protocol: miss, register (for callers allowed to), hit over POST and GET, and the caching headers.</summary>
public sealed class AutomaticPersistedQueryTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task FirstPartyClient_Miss_Register_ThenHashOnlyHits_OverPostAndGet()
    {
        var client = await factory.UserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var document = Unique("query Me { me { email } }");
        var hash = OperationHash.Sha256Hex(document);

        var miss = await PostAsync(client, Apq(hash));
        var register = await PostAsync(client, Apq(hash, document));
        var postHit = await PostAsync(client, Apq(hash));
        var (getHit, getMessage) = await GetAsync(client, ApqQueryString(hash));

        miss.Status.ShouldBe(HttpStatusCode.BadRequest);
        miss.Errors![0]!["message"]!.GetValue<string>().ShouldBe("PersistedQueryNotFound");
        miss.FirstErrorCode.ShouldBe("HC0020");
        register.Status.ShouldBe(HttpStatusCode.OK, register.Raw);
        register.Data!["me"]!["email"].ShouldNotBeNull();
        postHit.Data!["me"]!["email"]!.GetValue<string>().ShouldBe(register.Data!["me"]!["email"]!.GetValue<string>());
        getHit.Status.ShouldBe(HttpStatusCode.OK, getHit.Raw);
        getHit.Data!["me"]!["email"].ShouldNotBeNull();
        // The caller's own data: private caches only, and never across tokens.
        getMessage.Headers.CacheControl!.Private.ShouldBeTrue();
        getMessage.Headers.CacheControl.Public.ShouldBeFalse();
        getMessage.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));
        getMessage.Headers.Vary.ShouldContain("Authorization");
    }

    [Fact]
    public async Task AnonymousGetHit_IsPublic_PostAndAdHocAndErrors_AreNoStore()
    {
        var document = Unique(NodesQuery);
        var hash = OperationHash.Sha256Hex(document);
        (await ImportAsync(factory.Services, ApolloManifest(document))).Exit.ShouldBe(0);
        var anonymous = factory.CreateGqlClient();

        var (hit, hitMessage) = await GetAsync(anonymous, ApqQueryString(hash, new { ids = Ids(1) }));
        var (adHoc, adHocMessage) = await GetAsync(anonymous, "query=" + Uri.EscapeDataString("{ __typename }"));
        var (failed, failedMessage) = await GetAsync(anonymous, ApqQueryString(hash));
        using var post = await anonymous.Http.PostAsync("/graphql", System.Net.Http.Json.JsonContent.Create(Apq(hash, variables: new { ids = Ids(1) })));

        hit.Data!["nodes"]!.AsArray().Count.ShouldBe(1, hit.Raw);
        hitMessage.Headers.CacheControl!.Public.ShouldBeTrue();
        hitMessage.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));
        adHoc.Status.ShouldBe(HttpStatusCode.OK);
        adHocMessage.Headers.CacheControl!.NoStore.ShouldBeTrue();
        failed.Errors.ShouldNotBeNull();    // $ids is required
        failedMessage.Headers.CacheControl!.NoStore.ShouldBeTrue();
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        post.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Anonymous_MayNotRegister_ButItsQueryStillRuns()
    {
        var anonymous = factory.CreateGqlClient();
        var document = Unique("{ __typename }");
        var hash = OperationHash.Sha256Hex(document);

        var withText = await PostAsync(anonymous, Apq(hash, document));
        var hashOnly = await PostAsync(anonymous, Apq(hash));

        withText.Data!["__typename"]!.GetValue<string>().ShouldBe("Query");
        hashOnly.FirstErrorCode.ShouldBe("HC0020");
    }

    [Fact]
    public async Task HashThatDoesNotMatchTheText_IsRefused_AndNotStored()
    {
        var client = await factory.UserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var document = Unique("{ __typename }");
        var wrong = OperationHash.Sha256Hex(document + " ");

        var response = await PostAsync(client, Apq(wrong, document));

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.FirstErrorCode.ShouldBe(PersistedResolution.HashMismatchCode);
        (await PostAsync(client, Apq(wrong))).FirstErrorCode.ShouldBe("HC0020");
    }

    [Fact]
    public async Task InvalidDocument_IsNotRegistered()
    {
        var client = await factory.UserAsync(IdentityRoles.Learner, Guid.NewGuid());
        var document = Unique("{ noSuchField }");
        var hash = OperationHash.Sha256Hex(document);

        (await PostAsync(client, Apq(hash, document))).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(client, Apq(hash))).FirstErrorCode.ShouldBe("HC0020");
    }

    [Fact]
    public async Task MutationByHashOverGet_Is405()
    {
        var operatorClient = await factory.UserAsync(IdentityRoles.Operator);
        var document = Unique("mutation { registerPersistedOperation(input: { document: \"{ __typename }\" }) { created } }");
        var hash = OperationHash.Sha256Hex(document);
        (await PostAsync(operatorClient, Apq(hash, document))).Status.ShouldBe(HttpStatusCode.OK);

        var (response, message) = await GetAsync(operatorClient, ApqQueryString(hash));

        response.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        message.Content.Headers.Allow.ShouldContain("POST");
    }
}
