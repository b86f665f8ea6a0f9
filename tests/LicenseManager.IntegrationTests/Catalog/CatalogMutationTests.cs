using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Catalog;

public sealed class CatalogMutationTests(CatalogAppFactory factory) : IClassFixture<CatalogAppFactory>
{
    private const string Items = """
        query($id: ID!) { node(id: $id) { ... on Catalog { title contentItems(first: 50, order: [{ contentKey: ASC }]) { totalCount nodes { contentKey contentType title } } } } }
        """;

    [Fact]
    public async Task CreateCatalog_ValidInput_ReturnsCatalog()
    {
        var enterprise = await CatalogApi.EnterpriseAsync(await factory.OperatorAsync());
        var data = await (await factory.OperatorAsync()).QueryAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = enterprise, title = " Everything " } });

        var catalog = data["createCatalog"]!["catalog"]!;
        catalog["title"]!.GetValue<string>().ShouldBe("Everything");
        catalog["enterpriseCustomerId"]!.GetValue<string>().ShouldBe(enterprise.ToString());
        data["createCatalog"]!["errors"].ShouldBeNull();
    }

    [Fact]
    public async Task CreateCatalog_DuplicateTitleInEnterprise_ReturnsErrorAndCreatesNothing()
    {
        var client = await factory.OperatorAsync();
        var enterprise = Guid.NewGuid();
        await CatalogApi.CreateAsync(client, "Duplicate", enterprise);

        var data = await client.QueryAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = enterprise, title = "Duplicate" } });

        data["createCatalog"]!["catalog"].ShouldBeNull();
        data["createCatalog"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe("DuplicateCatalogTitleError");
        data["createCatalog"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("DUPLICATE_CATALOG_TITLE");
        var count = await client.QueryAsync($$"""{ catalogs(where: { enterpriseCustomerId: { eq: "{{enterprise}}" } }) { totalCount } }""");
        count["catalogs"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task CreateCatalog_EnterpriseWithoutAgreement_EnterpriseWithoutAgreementErrorAndNothingCreated()
    {
        var client = await factory.OperatorAsync();
        var enterprise = Guid.NewGuid();

        var data = await client.QueryAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = enterprise, title = "Orphan" } });

        data["createCatalog"]!["catalog"].ShouldBeNull();
        data["createCatalog"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe("EnterpriseWithoutAgreementError");
        data["createCatalog"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("ENTERPRISE_NOT_FOUND");
        var count = await client.QueryAsync($$"""{ catalogs(where: { enterpriseCustomerId: { eq: "{{enterprise}}" } }) { totalCount } }""");
        count["catalogs"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateCatalog_BlankTitle_ReturnsInvalidTitleError(string title)
    {
        var data = await (await factory.OperatorAsync()).QueryAsync(CatalogApi.CreateCatalog, new { input = new { enterpriseCustomerId = Guid.NewGuid(), title } });

        data["createCatalog"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe("InvalidTitleError");
    }

    [Fact]
    public async Task AddCatalogContent_ExistingKeys_UpsertsByKey()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Upserts");
        await CatalogApi.AddAsync(client, id, ("a", "COURSE", "A"), ("b", "PROGRAM", "B"));

        await CatalogApi.AddAsync(client, id, ("b", "COURSE_RUN", "B2"), ("c", "COURSE", "C"), ("c", "COURSE", "C last"));

        var items = (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!;
        items["totalCount"]!.GetValue<int>().ShouldBe(3);
        CatalogApi.Strings(items["nodes"], "contentKey").ShouldBe(["a", "b", "c"]);
        CatalogApi.Strings(items["nodes"], "title").ShouldBe(["A", "B2", "C last"]);
        CatalogApi.Strings(items["nodes"], "contentType").ShouldBe(["COURSE", "COURSE_RUN", "COURSE"]);
    }

    [Fact]
    public async Task AddCatalogContent_UnknownCatalog_ReturnsCatalogNotFound()
    {
        var client = await factory.OperatorAsync();
        var unknown = LicenseManager.Platform.Gql.Relay.NodeId.Encode("Catalog", Guid.NewGuid());

        var data = await client.QueryAsync(CatalogApi.AddContent, new { input = new { catalogId = unknown, items = new[] { new { contentKey = "k", contentType = "COURSE", title = "K" } } } });

        data["addCatalogContent"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe("CatalogNotFoundError");
        data["addCatalogContent"]!["catalog"].ShouldBeNull();
    }

    [Theory]
    [InlineData("", "InvalidContentKeyError")]
    [InlineData("has space", "InvalidContentKeyError")]
    [InlineData("\t", "InvalidContentKeyError")]
    [InlineData("LONG", "InvalidContentKeyError")]
    public async Task AddCatalogContent_InvalidKey_ReturnsErrorAndChangesNothing(string key, string expected)
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, $"Invalid {Guid.NewGuid()}");
        key = key == "LONG" ? new string('k', 256) : key;

        var data = await client.QueryAsync(CatalogApi.AddContent, new
        {
            input = new { catalogId = id, items = new[] { new { contentKey = "fine", contentType = "COURSE", title = "Fine" }, new { contentKey = key, contentType = "COURSE", title = "Bad" } } },
        });

        data["addCatalogContent"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe(expected);
        data["addCatalogContent"]!["errors"]![0]!["contentKeys"]![0]!.GetValue<string>().ShouldBe(key);
        (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task AddCatalogContent_EmptyList_ReturnsEmptyContentListError()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Empty");

        var data = await client.QueryAsync(CatalogApi.AddContent, new { input = new { catalogId = id, items = Array.Empty<object>() } });

        data["addCatalogContent"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("EMPTY_CONTENT_LIST");
    }

    [Fact]
    public async Task AddCatalogContent_OverTheLimit_ReturnsTooManyKeysAndChangesNothing()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Too many");
        var items = Enumerable.Range(0, 10_001).Select(i => new { contentKey = $"k{i}", contentType = "COURSE", title = "T" });

        var data = await client.QueryAsync(CatalogApi.AddContent, new { input = new { catalogId = id, items } });

        data["addCatalogContent"]!["errors"]![0]!["__typename"]!.GetValue<string>().ShouldBe("TooManyContentKeysError");
        (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task AddCatalogContent_TenThousandKeys_RunsOneStatement()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Big");
        var items = Enumerable.Range(0, 10_000).Select(i => new { contentKey = $"course-v1:edX+K{i}", contentType = "COURSE", title = $"Course {i}" });
        var sql = factory.Sql;
        sql.Clear();

        var data = await client.QueryAsync(CatalogApi.AddContent, new { input = new { catalogId = id, items } });

        data["addCatalogContent"]!["upsertedCount"]!.GetValue<int>().ShouldBe(10_000);
        sql.CommandsOn("INSERT INTO catalog.content_items").Count.ShouldBe(1, string.Join("\n---\n", sql.Commands));
        // The one write, and the statistics refresh that follows a bulk load; no per-row statements.
        sql.Commands.Where(c => c.Contains("content_items", StringComparison.Ordinal))
            .ShouldBe([sql.CommandsOn("INSERT INTO catalog.content_items")[0], "ANALYZE catalog.content_items"]);
    }

    [Fact]
    public async Task RemoveCatalogContent_KnownKeys_RemovesThemOnly()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Removal");
        await CatalogApi.AddAsync(client, id, ("a", "COURSE", "A"), ("b", "COURSE", "B"), ("c", "COURSE", "C"));

        var data = await client.QueryAsync(CatalogApi.RemoveContent, new { input = new { catalogId = id, contentKeys = new[] { "a", "c", "zzz" } } });

        data["removeCatalogContent"]!["removedCount"]!.GetValue<int>().ShouldBe(2);
        var items = (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!;
        CatalogApi.Strings(items["nodes"], "contentKey").ShouldBe(["b"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("%%%not-base64%%%")]
    [InlineData("Q29udGVudEl0ZW06MDE5M2EwMDAwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDA=")] // a ContentItem id: the wrong type
    public async Task RemoveCatalogContent_MalformedCatalogId_IsAFieldErrorWithCode(string catalogId)
    {
        var response = await (await factory.OperatorAsync()).PostAsync(CatalogApi.RemoveContent, new { input = new { catalogId, contentKeys = new[] { "a" } } });

        response.Status.ShouldBe(System.Net.HttpStatusCode.OK, response.Raw);
        response.FirstErrorCode.ShouldBe("INVALID_NODE_ID", response.Raw);
        response.Errors![0]!["path"]![0]!.GetValue<string>().ShouldBe("removeCatalogContent");
        response.Raw.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task AddCatalogContent_MalformedCatalogId_ChangesNothing()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Ids list");

        var response = await client.PostAsync(CatalogApi.AddContent, new { input = new { catalogId = id + "x", items = new[] { new { contentKey = "k", contentType = "COURSE", title = "K" } } } });

        response.FirstErrorCode.ShouldBe("INVALID_NODE_ID", response.Raw);
        (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task RemoveCatalogContent_InvalidKey_ReturnsErrorAndChangesNothing()
    {
        var client = await factory.OperatorAsync();
        var id = await CatalogApi.CreateAsync(client, "Remove invalid");
        await CatalogApi.AddAsync(client, id, ("a", "COURSE", "A"));

        var data = await client.QueryAsync(CatalogApi.RemoveContent, new { input = new { catalogId = id, contentKeys = new[] { "a", " " } } });

        data["removeCatalogContent"]!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_CONTENT_KEY");
        (await client.QueryAsync(Items, new { id }))["node"]!["contentItems"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
    }
}
