using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Persisted;
using static LicenseManager.IntegrationTests.PersistedOperations.PersistedApi;

namespace LicenseManager.IntegrationTests.PersistedOperations;

/// <summary>Partners run persisted operations only, never register, and do not introspect.</summary>
public sealed class PartnerAccessTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Fact]
    public async Task Partner_AdHocDocument_IsRefusedWithHC0067()
    {
        // The same token, but a client that sends the text instead of registering it first.
        var partner = new GqlClient((await factory.ServiceAsync(IdentityRoles.Partner, Guid.NewGuid())).Http);

        var response = await partner.PostAsync("{ __typename }");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.FirstErrorCode.ShouldBe("HC0067");
        response.Data.ShouldBeNull();
    }

    [Fact]
    public async Task Partner_PersistedOperation_Runs_ByIdAndByApqHash()
    {
        var partner = await factory.ServiceAsync(IdentityRoles.Partner, Guid.NewGuid());
        var document = Unique(NodesQuery);
        (await ImportAsync(factory.Services, RelayManifest(document))).Exit.ShouldBe(0);
        (await ImportAsync(factory.Services, ApolloManifest(document))).Exit.ShouldBe(0);
        var variables = new { ids = Ids(2) };

        var byId = await PostAsync(partner, new { id = OperationHash.Md5Hex(document), variables });
        var byHash = await PostAsync(partner, Apq(OperationHash.Sha256Hex(document), variables: variables));
        var byHashWithText = await PostAsync(partner, Apq(OperationHash.Sha256Hex(document), document, variables));

        byId.Data!["nodes"]!.AsArray().Count.ShouldBe(2, byId.Raw);
        byHash.Data!["nodes"]!.AsArray().Count.ShouldBe(2, byHash.Raw);
        byHashWithText.Data!["nodes"]!.AsArray().Count.ShouldBe(2, byHashWithText.Raw);
    }

    [Fact]
    public async Task Partner_MayNotRegister_ThroughApq()
    {
        var partner = await factory.ServiceAsync(IdentityRoles.Partner, Guid.NewGuid());
        var document = Unique("{ __typename }");
        var hash = OperationHash.Sha256Hex(document);

        var register = await PostAsync(partner, Apq(hash, document));
        var hit = await PostAsync(factory.CreateGqlClient(), Apq(hash));

        register.FirstErrorCode.ShouldBe("HC0067");
        hit.FirstErrorCode.ShouldBe("HC0020");
    }

    [Fact]
    public async Task Introspection_RefusedToPartners_AllowedToOthers()
    {
        (await ImportAsync(factory.Services, RelayManifest(Introspection))).Exit.ShouldBe(0);
        var id = OperationHash.Md5Hex(Introspection);
        var partner = await factory.ServiceAsync(IdentityRoles.Partner, Guid.NewGuid());
        var learner = await factory.UserAsync(IdentityRoles.Learner, Guid.NewGuid());

        var anonymous = await PostAsync(factory.CreateGqlClient(), new { id });
        var fromLearner = await PostAsync(learner, new { id });
        // A partner after others: the cached, already validated document must still be checked for it.
        var fromPartner = await PostAsync(partner, new { id });

        anonymous.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
        fromLearner.Data!["__schema"].ShouldNotBeNull(fromLearner.Raw);
        fromPartner.Status.ShouldBe(HttpStatusCode.BadRequest);
        fromPartner.Data.ShouldBeNull();
        fromPartner.Errors![0]!["message"]!.GetValue<string>().ShouldContain("introspection", Case.Insensitive);
    }
}

/// <summary>The Host with <c>GraphQL:PersistedOperations:PersistedOnly</c> on.</summary>
public sealed class PersistedOnlyFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["GraphQL:PersistedOperations:PersistedOnly"] = "true" };
}

public sealed class PersistedOnlyServerTests(PersistedOnlyFactory factory) : IClassFixture<PersistedOnlyFactory>
{
    [Fact]
    public async Task EveryAdHocDocument_IsRefused_PersistedOnesRun()
    {
        var operatorClient = await factory.UserAsync(IdentityRoles.Operator);
        var document = Unique("{ __typename }");
        (await ImportAsync(factory.Services, RelayManifest(document))).Exit.ShouldBe(0);

        (await factory.CreateGqlClient().PostAsync("{ __typename }")).FirstErrorCode.ShouldBe("HC0067");
        (await operatorClient.PostAsync("{ __typename }")).FirstErrorCode.ShouldBe("HC0067");
        // Nobody registers through APQ either: that would be an ad-hoc document by another name.
        (await PostAsync(operatorClient, Apq(OperationHash.Sha256Hex(document), document))).FirstErrorCode.ShouldBe("HC0067");
        (await PostAsync(factory.CreateGqlClient(), new { id = OperationHash.Md5Hex(document) })).Data!["__typename"]!.GetValue<string>().ShouldBe("Query");
    }
}
