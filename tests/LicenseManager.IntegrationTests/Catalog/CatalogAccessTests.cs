using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Catalog;

/// <summary>
/// The tenant-isolation matrix over the Catalog fields (<see cref="IsolationMatrix"/>): operators manage
/// catalogs; enterprise admins and learners read their own enterprise's; nobody sees another enterprise's,
/// and such an object looks exactly like one that does not exist.
/// </summary>
public sealed class CatalogAccessTests(CatalogAccessTests.Fixture fixture) : IClassFixture<CatalogAccessTests.Fixture>
{
    private static readonly Caller[] Readers = [Caller.Operator, Caller.OperatorService, Caller.AdminOfOwn, Caller.LearnerOfOwn, Caller.AdminOfOther];
    private static readonly Caller[] Operators = [Caller.Operator, Caller.OperatorService];

    public sealed class Fixture : IsolationFixture<CatalogAppFactory>
    {
        public Dictionary<Target, string> CatalogIds { get; } = [];

        public Dictionary<Target, string> ItemIds { get; } = [];

        public Dictionary<Target, Guid> Enterprises { get; } = [];

        protected override async Task SeedAsync(GqlClient @operator)
        {
            Enterprises[Target.Own] = Own;
            Enterprises[Target.Other] = Other;
            Enterprises[Target.None] = Guid.NewGuid();
            foreach (var (target, name) in new[] { (Target.Own, "own"), (Target.Other, "other") })
            {
                var id = await CatalogApi.CreateAsync(@operator, $"{name} catalog", Enterprises[target]);
                await CatalogApi.AddAsync(@operator, id, ($"course-v1:{name}", "COURSE", $"{name} course"));
                var items = await @operator.QueryAsync("query($id: ID!) { node(id: $id) { ... on Catalog { contentItems { nodes { id } } } } }", new { id });
                CatalogIds[target] = id;
                ItemIds[target] = items["node"]!["contentItems"]!["nodes"]![0]!["id"]!.GetValue<string>();
            }

            CatalogIds[Target.None] = NodeId.Encode("Catalog", Guid.NewGuid());
            ItemIds[Target.None] = NodeId.Encode("ContentItem", Guid.NewGuid());
        }
    }

    [Fact]
    public Task Catalogs_List() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "query($ids: [UUID!]) { catalogs(where: { enterpriseCustomerId: { in: $ids } }) { totalCount nodes { id } } }",
            new { ids = new[] { fixture.Enterprises[target] } });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), r =>
        {
            var count = r.Data!["catalogs"]!["totalCount"]!.GetValue<int>();
            r.Data!["catalogs"]!["nodes"]!.AsArray().Count.ShouldBe(count); // totalCount is filtered by the same rule
            return count > 0;
        });
    });

    [Fact]
    public Task Node_Catalog() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Hidden, async (client, target) =>
    {
        var response = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = fixture.CatalogIds[target] });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), r => r.Data!["node"] is not null);
    });

    [Fact]
    public Task Nodes_ContentItem() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Hidden, async (client, target) =>
    {
        var response = await client.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { fixture.ItemIds[target] } });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), r => r.Data!["nodes"]![0] is not null);
    });

    [Fact]
    public Task AddCatalogContent() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Operators, Outcome.Refused, async (client, target) =>
    {
        // Re-upserts the seeded item unchanged, so the probe leaves the data as it found it.
        var name = target == Target.Own ? "own" : "other";
        var response = await client.PostAsync(CatalogApi.AddContent, new
        {
            input = new { catalogId = fixture.CatalogIds[target], items = new[] { new { contentKey = $"course-v1:{name}", contentType = "COURSE", title = $"{name} course" } } },
        });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), MutationSucceeded("addCatalogContent"));
    });

    [Fact]
    public Task RemoveCatalogContent() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Operators, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(CatalogApi.RemoveContent, new { input = new { catalogId = fixture.CatalogIds[target], contentKeys = new[] { "not-in-any-catalog" } } });
        return IsolationMatrix.Classify(response, fixture.CallerOf(client), MutationSucceeded("removeCatalogContent"));
    });

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
            input = new { catalogId = fixture.CatalogIds[Target.Own], items = new[] { new { contentKey = $"course-v1:{caller}", contentType = "COURSE", title = "x" } } },
        });
        var remove = await client.PostAsync(CatalogApi.RemoveContent, new { input = new { catalogId = fixture.CatalogIds[Target.Own], contentKeys = new[] { "course-v1:own" } } });

        create.FirstErrorCode.ShouldBe(code);
        add.FirstErrorCode.ShouldBe(code);
        remove.FirstErrorCode.ShouldBe(code);
        var own = await fixture.Clients[Caller.Operator].QueryAsync(
            "query($ids: [UUID!]) { catalogs(where: { enterpriseCustomerId: { in: $ids } }) { nodes { title contentItems { nodes { contentKey } } } } }",
            new { ids = new[] { fixture.Own } });
        var catalogs = own["catalogs"]!["nodes"]!.AsArray();
        catalogs.Select(c => c!["title"]!.GetValue<string>()).ShouldBe(["own catalog"]);
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

    private static Func<GqlResponse, bool> MutationSucceeded(string field) => response =>
    {
        var payload = response.Data![field]!;
        if (payload["errors"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } errors)
        {
            errors[0]!["code"]!.GetValue<string>().ShouldBe("CATALOG_NOT_FOUND");
            return false;
        }

        return payload["catalog"] is not null;
    };
}
