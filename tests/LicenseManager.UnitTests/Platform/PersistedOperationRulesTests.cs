using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Persisted;

namespace LicenseManager.UnitTests.Platform;

public sealed class OperationHashTests
{
    private const string Document = "{ __typename }";

    [Fact]
    public void Matches_Md5AndSha256Hex_InAnyCase()
    {
        OperationHash.Matches(OperationHash.Md5Hex(Document), Document).ShouldBeTrue();
        OperationHash.Matches(OperationHash.Sha256Hex(Document).ToUpperInvariant(), Document).ShouldBeTrue();
    }

    [Theory]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]   // MD5 of the empty string
    [InlineData("xyz")]
    [InlineData("")]
    public void DoesNotMatch_OtherTextOrNonHashes(string id) => OperationHash.Matches(id, Document).ShouldBeFalse();

    [Fact]
    public void KnownVector_RelayStyleMd5() =>
        OperationHash.Md5Hex("query { viewer { id } }").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("query { viewer { id } }"u8)));
}

public sealed class OperationManifestTests
{
    [Fact]
    public void Relay_ReadsIdToText()
    {
        var entries = OperationManifest.Read($$"""{ "{{OperationHash.Md5Hex("{ a }")}}": "{ a }" }""");

        entries.ShouldHaveSingleItem().Document.ShouldBe("{ a }");
    }

    [Fact]
    public void Apollo_ReadsOperationsWithNames()
    {
        var id = OperationHash.Sha256Hex("query A { a }");
        var entries = OperationManifest.Read($$"""
            { "format": "apollo-persisted-query-manifest", "version": 1,
              "operations": [ { "id": "{{id}}", "name": "A", "type": "query", "body": "query A { a }" } ] }
            """);

        entries.ShouldHaveSingleItem().ShouldBe(new OperationEntry(id, "query A { a }", "A"));
    }

    [Fact]
    public void Mismatch_ListsEveryBadId()
    {
        var exception = Should.Throw<ManifestException>(() => OperationManifest.Read(
            $$"""{ "{{OperationHash.Md5Hex("{ b }")}}": "{ a }", "{{OperationHash.Md5Hex("{ c }")}}": "{ d }" }"""));

        exception.Problems.Count.ShouldBe(2);
        exception.Problems.ShouldAllBe(p => p.Contains("does not match the text"));
    }
}

public sealed class CallerPolicyTests
{
    private static readonly PersistedOperationsOptions Defaults = new();

    [Fact]
    public void Partner_PersistedOnly_NoRegistration_NoIntrospection()
    {
        var policy = CallerPolicy.For(new Actor("partner"), Defaults);

        policy.ShouldBe(new CallerPolicy(PersistedOnly: true, MayRegister: false, MayIntrospect: false, IsAnonymous: false));
    }

    [Fact]
    public void FirstPartyPerson_Registers_AndIntrospects() =>
        CallerPolicy.For(new Actor("learner"), Defaults).ShouldBe(new CallerPolicy(false, true, true, false));

    [Fact]
    public void Anonymous_Introspects_ButDoesNotRegister_ByDefault() =>
        CallerPolicy.For(AnonymousActor.Instance, Defaults).ShouldBe(new CallerPolicy(false, false, true, true));

    [Fact]
    public void PersistedOnlyServer_NobodyRegisters() =>
        CallerPolicy.For(new Actor("operator"), new PersistedOperationsOptions { PersistedOnly = true }).ShouldBe(new CallerPolicy(true, false, true, false));

    [Fact]
    public void Introspection_CanBeDeniedToAnonymousCallers() =>
        CallerPolicy.For(AnonymousActor.Instance, new PersistedOperationsOptions { AnonymousIntrospection = false }).MayIntrospect.ShouldBeFalse();

    private sealed class Actor(params string[] roles) : IRequestActor
    {
        public bool IsAuthenticated => true;

        public bool IsInRole(string role) => roles.Contains(role);

        public bool HasScope(string scope) => true;

        public bool HasTenantAccess(Guid tenantId, TenantAccess access) => false;
    }
}
