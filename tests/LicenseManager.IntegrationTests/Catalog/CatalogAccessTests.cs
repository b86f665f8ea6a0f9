using System.Text.Json.Nodes;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Catalog;

/// <summary>
/// The tenant-isolation matrix over the Catalog fields: each kind of caller × own enterprise / other
/// enterprise / none. Operators manage catalogs; enterprise admins and learners read their own
/// enterprise's; nobody sees another enterprise's, and such an object looks exactly like one that does not exist.
/// </summary>
public sealed class CatalogAccessTests(CatalogAccessTests.Fixture fixture) : IClassFixture<CatalogAccessTests.Fixture>
{
    public enum Caller
    {
        Anonymous,
        Operator,
        OperatorService,
        AdminOfOwn,
        LearnerOfOwn,
        AdminOfOther,
        UserWithoutMembership,
        PartnerOfOwn,
        Provisioning,
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public CatalogAppFactory Factory { get; } = new();

        public Guid Own { get; } = Guid.NewGuid();

        public Guid Other { get; } = Guid.NewGuid();

        public string OwnCatalogId { get; private set; } = string.Empty;

        public string OtherCatalogId { get; private set; } = string.Empty;

        public string OtherItemId { get; private set; } = string.Empty;

        public Dictionary<Caller, GqlClient> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            await Factory.InitializeAsync();
            var @operator = await Factory.OperatorAsync();
            OwnCatalogId = await CatalogApi.CreateAsync(@operator, "Own catalog", Own);
            OtherCatalogId = await CatalogApi.CreateAsync(@operator, "Other catalog", Other);
            await CatalogApi.AddAsync(@operator, OwnCatalogId, ("course-v1:own", "COURSE", "Own course"));
            await CatalogApi.AddAsync(@operator, OtherCatalogId, ("course-v1:other", "COURSE", "Other course"));
            var items = await @operator.QueryAsync(
                "query($id: ID!) { node(id: $id) { ... on Catalog { contentItems { nodes { id } } } } }", new { id = OtherCatalogId });
            OtherItemId = items["node"]!["contentItems"]!["nodes"]![0]!["id"]!.GetValue<string>();

            Clients[Caller.Anonymous] = Factory.CreateGqlClient();
            Clients[Caller.Operator] = @operator;
            Clients[Caller.OperatorService] = await Factory.ServiceAsync(IdentityRoles.Operator);
            Clients[Caller.AdminOfOwn] = await Factory.UserAsync(IdentityRoles.EnterpriseAdmin, Own);
            Clients[Caller.LearnerOfOwn] = await Factory.UserAsync(IdentityRoles.Learner, Own);
            Clients[Caller.AdminOfOther] = await Factory.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
            Clients[Caller.UserWithoutMembership] = await SignedUpAsync();
            Clients[Caller.PartnerOfOwn] = await Factory.ServiceAsync(IdentityRoles.Partner, Own);
            Clients[Caller.Provisioning] = await Factory.ServiceAsync(IdentityRoles.Provisioning);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        /// <summary>A self-service account: signed up on the login page, verified, member of nothing.</summary>
        private async Task<GqlClient> SignedUpAsync()
        {
            var email = $"signup-{Guid.NewGuid():N}@example.com";
            var browser = new BrowserSession(Factory.Browser());
            using var signedUp = await browser.SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });
            using var verified = await browser.GetAsync(Factory.Mail.LinkTo(email));
            verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            return await Factory.SignedInAsync(email);
        }
    }

    [Theory]
    [InlineData(Caller.Operator, "Other catalog,Own catalog")]
    [InlineData(Caller.OperatorService, "Other catalog,Own catalog")]
    [InlineData(Caller.AdminOfOwn, "Own catalog")]
    [InlineData(Caller.LearnerOfOwn, "Own catalog")]
    [InlineData(Caller.AdminOfOther, "")]
    public async Task Catalogs_ListsOnlyVisibleCatalogs(Caller caller, string expectedTitles)
    {
        var data = await fixture.Clients[caller].QueryAsync(
            "query($ids: [UUID!]) { catalogs(where: { enterpriseCustomerId: { in: $ids } }, order: [{ title: ASC }]) { totalCount nodes { title } } }",
            new { ids = new[] { fixture.Own, fixture.Other } });

        var titles = string.Join(',', CatalogApi.Strings(data["catalogs"]!["nodes"], "title"));
        titles.ShouldBe(expectedTitles);
        data["catalogs"]!["totalCount"]!.GetValue<int>().ShouldBe(expectedTitles.Length == 0 ? 0 : expectedTitles.Split(',').Length);
    }

    [Theory]
    [InlineData(Caller.Anonymous, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(Caller.UserWithoutMembership, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.PartnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.Provisioning, "AUTH_NOT_AUTHORIZED")]
    public async Task Catalogs_CallerWithoutCatalogAccess_IsRefused(Caller caller, string code)
    {
        var response = await fixture.Clients[caller].PostAsync("{ catalogs { nodes { title } } }");

        response.FirstErrorCode.ShouldBe(code);
        response.Data!["catalogs"].ShouldBeNull();
    }

    [Theory]
    [InlineData(Caller.Operator, true, true)]
    [InlineData(Caller.OperatorService, true, true)]
    [InlineData(Caller.AdminOfOwn, true, false)]
    [InlineData(Caller.LearnerOfOwn, true, false)]
    [InlineData(Caller.AdminOfOther, false, false)]
    [InlineData(Caller.UserWithoutMembership, false, false)]
    [InlineData(Caller.PartnerOfOwn, false, false)]
    [InlineData(Caller.Provisioning, false, false)]
    [InlineData(Caller.Anonymous, false, false)]
    public async Task Node_OtherEnterprisesCatalog_LooksLikeAnUnknownId(Caller caller, bool seesOwn, bool seesOther)
    {
        var data = await fixture.Clients[caller].QueryAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Catalog { title } ... on ContentItem { contentKey } } }",
            new { ids = new[] { fixture.OwnCatalogId, fixture.OtherCatalogId, fixture.OtherItemId } });

        var nodes = data["nodes"]!.AsArray();
        (nodes[0] is not null).ShouldBe(seesOwn);
        (nodes[1] is not null).ShouldBe(seesOther);
        (nodes[2] is not null).ShouldBe(seesOther);
    }

    [Theory]
    [InlineData(Caller.Anonymous, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(Caller.AdminOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.LearnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.PartnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.Provisioning, "AUTH_NOT_AUTHORIZED")]
    public async Task Mutations_NonOperator_AreRefusedAndChangeNothing(Caller caller, string code)
    {
        var client = fixture.Clients[caller];

        var create = await client.PostAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = fixture.Own, title = $"By {caller}" } });
        var add = await client.PostAsync(CatalogApi.AddContent, new
        {
            input = new { catalogId = fixture.OwnCatalogId, items = new[] { new { contentKey = $"course-v1:{caller}", contentType = "COURSE", title = "x" } } },
        });
        var remove = await client.PostAsync(CatalogApi.RemoveContent, new { input = new { catalogId = fixture.OwnCatalogId, contentKeys = new[] { "course-v1:own" } } });

        create.FirstErrorCode.ShouldBe(code);
        add.FirstErrorCode.ShouldBe(code);
        remove.FirstErrorCode.ShouldBe(code);
        var own = await (await fixture.Factory.OperatorAsync()).QueryAsync(
            "query($ids: [UUID!]) { catalogs(where: { enterpriseCustomerId: { in: $ids } }) { nodes { title contentItems { nodes { contentKey } } } } }",
            new { ids = new[] { fixture.Own } });
        var catalogs = own["catalogs"]!["nodes"]!.AsArray();
        catalogs.Select(c => c!["title"]!.GetValue<string>()).ShouldBe(["Own catalog"]);
        CatalogApi.Strings(catalogs[0]!["contentItems"]!["nodes"], "contentKey").ShouldBe(["course-v1:own"]);
    }

    [Fact]
    public async Task Mutations_Operator_MayManageAnyEnterprisesCatalogs()
    {
        var @operator = fixture.Clients[Caller.OperatorService];

        var enterprise = await CatalogApi.EnterpriseAsync(@operator);
        var data = await @operator.QueryAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = enterprise, title = "By the operator service" } });

        data["createCatalog"]!["catalog"]!["title"]!.GetValue<string>().ShouldBe("By the operator service");
    }
}
