using System.Diagnostics;
using System.Text;
using LicenseManager.Host.Commands;

namespace LicenseManager.Bench;

/// <summary>What <see cref="Dataset.GenerateAsync"/> created: ids for the scenarios.</summary>
internal sealed record GeneratedData(
    string CatalogId,
    Guid CatalogUuid,
    string ScratchCatalogId,
    int Items,
    int Catalogs,
    TimeSpan Elapsed);

/// <summary>
/// Deterministic dataset: the same seed gives the same enterprise, keys, titles and content types.
/// An operator (the Host's <c>users add</c> command), a token by the password grant, a main catalog of
/// <see cref="BenchOptions.Items"/> items written through <c>addCatalogContent</c> (10,000 keys per call,
/// the per-call limit), a scratch catalog for the upsert scenario and a few small catalogs for listing.
/// </summary>
internal sealed class Dataset(BenchOptions options)
{
    public const int KeysPerCall = 10_000;
    public const string OperatorEmail = "bench-operator@example.com";
    public const string OperatorPassword = "Bench-Operator-123!";
    private static readonly string[] ContentTypes = ["COURSE", "COURSE_RUN", "PROGRAM"];
    private static readonly string[] Words =
    [
        "Applied", "Advanced", "Data", "Systems", "Introduction", "Modern", "Cloud", "Design", "Statistics",
        "Finance", "Leadership", "Security", "Networks", "Biology", "History", "Writing", "Algorithms", "Ethics",
    ];

    /// <summary>The key of item <paramref name="index"/>: zero-padded so ordinal order is index order.</summary>
    public string Key(int index) => $"course-v1:bench{options.Seed}+C{index:D7}+run";

    /// <summary>A key the catalog does not contain.</summary>
    public string MissingKey(int index) => $"course-v1:bench{options.Seed}+M{index:D7}+run";

    public Guid EnterpriseId
    {
        get
        {
            var bytes = new byte[16];
            new Random(options.Seed).NextBytes(bytes);
            return new Guid(bytes);
        }
    }

    public object[] Items(int from, int count, int seed, string titlePrefix = "")
    {
        var random = new Random(HashCode.Combine(options.Seed, seed));
        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            var title = new StringBuilder(titlePrefix);
            for (var w = 0; w < 3; w++)
            {
                title.Append(Words[random.Next(Words.Length)]).Append(' ');
            }

            title.Append(from + i);
            items[i] = new Dictionary<string, string>
            {
                ["contentKey"] = Key(from + i),
                ["contentType"] = ContentTypes[random.Next(ContentTypes.Length)],
                ["title"] = title.ToString(),
            };
        }

        return items;
    }

    public const string AddContent = """
        mutation Add($input: AddCatalogContentInput!) {
          addCatalogContent(input: $input) { upsertedCount errors { __typename ... on Error { message } } }
        }
        """;

    public async Task<GeneratedData> GenerateAsync(BenchServer server, GqlHttp http, TextWriter log)
    {
        var stopwatch = Stopwatch.StartNew();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(server.App.Services,
            ["users", "add", "--email", OperatorEmail, "--password", OperatorPassword, "--role", "operator"], output, error);
        if (code != 0)
        {
            throw new InvalidOperationException($"users add failed ({code}): {error}{output}");
        }

        http.Token = await http.PasswordTokenAsync(OperatorEmail, OperatorPassword);

        // createCatalog refuses an enterprise without an agreement (issue 10); creating it again is idempotent.
        var agreement = await http.QueryAsync(GqlHttp.Body("""
            mutation($input: CreateCustomerAgreementInput!) {
              createCustomerAgreement(input: $input) { customerAgreement { id } errors { __typename ... on Error { message } } }
            }
            """, new { input = new { enterpriseCustomerId = EnterpriseId, enterpriseCustomerName = $"Bench {options.Seed}" } }));
        if (agreement["createCustomerAgreement"]?["customerAgreement"] is null)
        {
            throw new InvalidOperationException($"createCustomerAgreement refused: {agreement.ToJsonString()}");
        }

        // Unique per run, so that LM_BENCH_CONNECTION can be reused (titles are unique per enterprise).
        var run = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";
        const int smallCatalogs = 12;
        for (var i = 0; i < smallCatalogs; i++)
        {
            await CreateCatalogAsync(http, $"Bench {options.Seed} small {i:D2} {run}");
        }

        var catalogId = await CreateCatalogAsync(http, $"Bench {options.Seed} main {run}");
        var scratchId = await CreateCatalogAsync(http, $"Bench {options.Seed} scratch {run}");
        for (var from = 0; from < options.Items; from += KeysPerCall)
        {
            var count = Math.Min(KeysPerCall, options.Items - from);
            var body = GqlHttp.Body(AddContent, new { input = new { catalogId, items = Items(from, count, seed: from) } });
            var data = await http.QueryAsync(body);
            var payload = data["addCatalogContent"]!;
            if (payload["errors"] is { } errors && errors.AsArray().Count > 0)
            {
                throw new InvalidOperationException($"addCatalogContent refused: {errors.ToJsonString()}");
            }

            log.Write($"\r  generated {from + count:N0} / {options.Items:N0} items");
        }

        log.WriteLine();
        return new GeneratedData(catalogId, RawId(catalogId), scratchId, options.Items, smallCatalogs + 2, stopwatch.Elapsed);
    }

    private async Task<string> CreateCatalogAsync(GqlHttp http, string title)
    {
        const string create = """
            mutation Create($input: CreateCatalogInput!) {
              createCatalog(input: $input) { catalog { id } errors { __typename ... on Error { message } } }
            }
            """;
        var data = await http.QueryAsync(GqlHttp.Body(create, new { input = new { enterpriseCustomerId = EnterpriseId, title } }));
        return data["createCatalog"]?["catalog"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"createCatalog refused: {data.ToJsonString()}");
    }

    /// <summary>Node ids are <c>base64("Catalog:&lt;guid N&gt;")</c>.</summary>
    public static Guid RawId(string nodeId)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(nodeId));
        return Guid.ParseExact(text[(text.IndexOf(':') + 1)..], "N");
    }
}
