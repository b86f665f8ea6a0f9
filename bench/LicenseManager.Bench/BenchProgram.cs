using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using LicenseManager.Catalog.Contracts;

namespace LicenseManager.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/LicenseManager.Bench [-- --quick]</c>: starts PostgreSQL and
/// the application, generates the dataset, runs every scenario and prints one table (also written to
/// <c>bench/results/latest.md</c>, git-ignored).
/// </summary>
internal static class BenchProgram
{
    private const string Baseline = "GET /health/live (baseline)";

    /// <summary>The page query; <paramref name="order"/> is e.g. <c>, order: [{ contentKey: ASC }]</c> or empty (id order).</summary>
    private static string PageQuery(string order) => $$"""
        query Page($id: ID!, $after: String) {
          node(id: $id) {
            ... on Catalog {
              contentItems(first: 50, after: $after{{order}}) {
                nodes { id contentKey contentType title }
                pageInfo { hasNextPage endCursor }
              }
            }
          }
        }
        """;

    private const string ByKey = ", order: [{ contentKey: ASC }]";

    /// <summary>A cursor is built through the API: the one item filtered by its key, read in the wanted order (cursors carry only the order).</summary>
    private static string CursorQuery(string order) => $$"""
        query Cursor($id: ID!, $key: String!) {
          node(id: $id) {
            ... on Catalog {
              contentItems(first: 1, where: { contentKey: { eq: $key } }{{order}}) { edges { cursor } }
            }
          }
        }
        """;

    /// <summary>A larger document with nothing to fetch: parse + validation cost shows (100 fields to check for overlaps).</summary>
    private static string WideDocument(string name) =>
        $"query {name} {{ {string.Join(' ', Enumerable.Range(0, 100).Select(i => $"f{i}: __typename"))} }}";

    private const string CountInQuery = """
        query Contained($id: ID!, $keys: [String]) {
          node(id: $id) {
            ... on Catalog { contentItems(where: { contentKey: { in: $keys } }, first: 50) { totalCount } }
          }
        }
        """;

    private const string CatalogsQuery = "{ catalogs(first: 10) { nodes { id title } } }";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help" or "-h"])
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        try
        {
            return await RunAsync(options);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            Console.Error.WriteLine($"benchmark failed: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options)
    {
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Finish the current (bounded) scenario, skip the rest, and still clean up the cluster.
            e.Cancel = true;
            stopping.Cancel();
            Console.Error.WriteLine("stopping after the current scenario…");
        };

        var log = Console.Out;
        if (options.Provision)
        {
            return await Provisioning.RunAsync(options, log, stopping.Token);
        }

        if (options.Licenses)
        {
            return await LicensesBench.RunAsync(options, log, stopping.Token, (table, elapsed, server) => WriteAsync(options, log, table, elapsed, server));
        }

        if (options.Persisted)
        {
            return await PersistedPath.RunAsync(options, log, stopping.Token, (table, elapsed, server) => WriteAsync(options, log, table, elapsed, server));
        }

        if (options.Hot)
        {
            return await HotPath.RunAsync(options, log, stopping.Token, (table, elapsed, server) => WriteAsync(options, log, table, elapsed, server));
        }

        var total = Stopwatch.StartNew();
        log.WriteLine($"License Manager benchmarks ({(options.Quick ? "quick" : "full")}): {options.Items:N0} items, "
                      + $"{options.Iterations} sequential iterations, {options.ConcurrentRequests} requests × {options.Clients} clients, seed {options.Seed}");
        await using var server = await BenchServer.StartAsync(log);
        log.WriteLine($"app on {server.BaseAddress} over {server.DatabaseDescription}");
        using var http = new GqlHttp(server.BaseAddress, options.Clients * 2);

        var dataset = new Dataset(options);
        var data = await dataset.GenerateAsync(server, http, log);
        log.WriteLine($"dataset: {data.Catalogs} catalogs, {data.Items:N0} items in the main one, generated in {data.Elapsed.TotalSeconds:F1} s");

        var runner = new Runner(options, log);
        var scenarios = await PrepareAsync(options, server, http, dataset, data);
        foreach (var (name, run) in scenarios)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            log.WriteLine(name);
            await run(runner);
        }

        var table = runner.Table(Baseline);
        var report = Report(options, data, server, total.Elapsed, table);
        await WriteAsync(options, log, report);
        return runner.Rows.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static async Task WriteAsync(BenchOptions options, TextWriter log, string report)
    {
        log.WriteLine();
        log.WriteLine(report);
        var output = options.Output ?? Path.Combine(RepositoryRoot(), "bench", "results", options.AccessOnly ? "access.md" : options.Licenses ? "licenses.md" : options.Persisted ? "persisted.md" : options.Hot ? "hot.md" : "latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        log.WriteLine($"written to {output}");
    }

    private static Task WriteAsync(BenchOptions options, TextWriter log, string table, TimeSpan elapsed, BenchServer server)
    {
        var text = new StringBuilder();
        text.AppendLine($"# License Manager {(options.AccessOnly ? "contentAccess (--access)" : options.Licenses ? "licenses (--licenses)" : options.Persisted ? "persisted operations (--persisted)" : "request path (--hot)")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
                        + $"client and server in one process over HTTP/1.1 on 127.0.0.1; {server.DatabaseDescription}. Whole run {elapsed.TotalSeconds:F0} s.");
        text.AppendLine($"conc×{options.Clients}: up to {options.ConcurrentRequests} requests over {options.Clients} clients, each run stops after "
                        + $"{options.ScenarioBudget.TotalSeconds:F0} s. × baseline req/s = throughput / the baseline row's throughput in this run.");
        text.AppendLine();
        text.Append(table);
        return WriteAsync(options, log, text.ToString());
    }

    private static async Task<List<(string Name, Func<Runner, Task> Run)>> PrepareAsync(
        BenchOptions options, BenchServer server, GqlHttp http, Dataset dataset, GeneratedData data)
    {
        // Every request body is built (and its answer checked) before anything is timed.
        var typename = GqlHttp.Body("{ __typename }");
        Expect((await http.QueryAsync(typename, authenticated: false))["__typename"]?.GetValue<string>() == "Query", "__typename");
        var missCounter = 0;

        var catalogs = GqlHttp.Body(CatalogsQuery);
        var catalogCount = (await http.QueryAsync(catalogs))["catalogs"]!["nodes"]!.AsArray().Count;
        Expect(catalogCount == 10, $"catalogs(first: 10) returned {catalogCount}");

        var deep = data.Items * 9 / 10;
        var shallow = data.Items / 10;
        async Task<string> CursorAsync(string order, int position)
        {
            var cursorData = await http.QueryAsync(GqlHttp.Body(CursorQuery(order), new { id = data.CatalogId, key = dataset.Key(position - 1) }));
            return cursorData["node"]!["contentItems"]!["edges"]![0]!["cursor"]!.GetValue<string>();
        }

        var page1 = GqlHttp.Body(PageQuery(ByKey), new { id = data.CatalogId, after = (string?)null });
        var deepPage = GqlHttp.Body(PageQuery(ByKey), new { id = data.CatalogId, after = await CursorAsync(ByKey, deep) });
        Expect(FirstKey(await http.QueryAsync(page1)) == dataset.Key(0), "page 1 starts at item 0");
        Expect(FirstKey(await http.QueryAsync(deepPage)) == dataset.Key(deep), $"the deep page starts at item {deep}");
        // A shallow page too: tells "cost grows with depth" from "cost grows with the rows after the cursor".
        var shallowPage = GqlHttp.Body(PageQuery(ByKey), new { id = data.CatalogId, after = await CursorAsync(ByKey, shallow) });
        Expect(FirstKey(await http.QueryAsync(shallowPage)) == dataset.Key(shallow), $"the shallow page starts at item {shallow}");
        // Default order (id, UUIDv7: about insertion order, so the same item is about as deep).
        var idPage1 = GqlHttp.Body(PageQuery(string.Empty), new { id = data.CatalogId, after = (string?)null });
        var idDeepPage = GqlHttp.Body(PageQuery(string.Empty), new { id = data.CatalogId, after = await CursorAsync(string.Empty, deep) });
        Expect(PageSize(await http.QueryAsync(idPage1)) == 50, "page 1 in id order has 50 items");
        Expect(PageSize(await http.QueryAsync(idDeepPage)) == 50, "the deep page in id order has 50 items");

        var wide = GqlHttp.Body(WideDocument("Wide"));
        Expect((await http.QueryAsync(wide, authenticated: false)).AsObject().Count == 100, "100 fields");

        // 1,000 keys: 500 in the catalog (spread over it, seeded), 500 not.
        var random = new Random(options.Seed);
        var keys = Enumerable.Range(0, 500).Select(_ => dataset.Key(random.Next(data.Items)))
            .Distinct().Concat(Enumerable.Range(0, 1_000).Select(dataset.MissingKey)).Take(1_000).ToArray();
        var present = keys.Count(k => !k.Contains("+M", StringComparison.Ordinal));
        var countIn = GqlHttp.Body(CountInQuery, new { id = data.CatalogId, keys });
        var counted = (await http.QueryAsync(countIn))["node"]!["contentItems"]!["totalCount"]!.GetValue<int>();
        Expect(counted == present, $"totalCount {counted} for {present} contained keys");
        var membership = server.App.Services.GetRequiredService<ICatalogMembership>();
        var contained = await membership.ContainedKeysAsync(data.CatalogUuid, keys, CancellationToken.None);
        Expect(contained.Count == present, $"ICatalogMembership found {contained.Count} of {present}");

        // The upsert rewrites the same 10,000 keys of the scratch catalog with new titles every call.
        var upserts = Enumerable.Range(0, options.UpsertIterations + 1)
            .Select(i => GqlHttp.Body(Dataset.AddContent, new
            {
                input = new { catalogId = data.ScratchCatalogId, items = dataset.Items(0, Dataset.KeysPerCall, seed: 1_000 + i, titlePrefix: $"v{i} ") },
            }))
            .ToArray();
        var upsertCall = 0;

        Func<CancellationToken, Task<bool>> health = ct => http.GetAsync("health/live", ct);
        Func<CancellationToken, Task<bool>> cached = ct => http.PostAsync(typename, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> miss = ct => http.PostAsync(
            GqlHttp.Body($"query Distinct{Interlocked.Increment(ref missCounter)} {{ __typename }}"), authenticated: false, ct);
        Func<CancellationToken, Task<bool>> wideCached = ct => http.PostAsync(wide, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> wideMiss = ct => http.PostAsync(
            GqlHttp.Body(WideDocument($"Wide{Interlocked.Increment(ref missCounter)}")), authenticated: false, ct);
        Func<CancellationToken, Task<bool>> listCatalogs = ct => http.PostAsync(catalogs, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> firstPage = ct => http.PostAsync(page1, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> afterShallow = ct => http.PostAsync(shallowPage, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> afterDeep = ct => http.PostAsync(deepPage, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> idFirstPage = ct => http.PostAsync(idPage1, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> idAfterDeep = ct => http.PostAsync(idDeepPage, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> inFilter = ct => http.PostAsync(countIn, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> inProcess = async ct =>
            (await membership.ContainedKeysAsync(data.CatalogUuid, keys, ct)).Count == present;
        Func<CancellationToken, Task<bool>> upsert = async ct =>
        {
            var body = upserts[Interlocked.Increment(ref upsertCall) % upserts.Length];
            var answer = await http.QueryAsync(body, cancellationToken: ct);
            return answer["addCatalogContent"]?["upsertedCount"]?.GetValue<int>() == Dataset.KeysPerCall;
        };

        var deepLabel = $"contentItems(first: 50, order: contentKey) after item {deep:N0}";
        var idDeepLabel = $"contentItems(first: 50) (id order) after ≈ item {deep:N0}";
        return
        [
            ("warm-up of the shared paths (JIT tiering), not reported", async r =>
                await r.WarmUpAsync([health, cached, miss, wideCached, listCatalogs, idFirstPage, inFilter])),
            (Baseline, async r => { await r.SequentialAsync(Baseline, health); await r.ConcurrentAsync(Baseline, health); }),
            ("{ __typename } (document cache hit)", async r =>
            {
                await r.SequentialAsync("{ __typename } (document cache hit)", cached);
                await r.ConcurrentAsync("{ __typename } (document cache hit)", cached);
            }),
            ("{ __typename }, distinct text (cache miss: parse + validate)", async r =>
            {
                await r.SequentialAsync("{ __typename }, distinct text (cache miss)", miss);
                await r.ConcurrentAsync("{ __typename }, distinct text (cache miss)", miss);
            }),
            ("100-field document (hit vs distinct text)", async r =>
            {
                await r.SequentialAsync("100 × __typename document (cache hit)", wideCached);
                await r.SequentialAsync("100 × __typename document, distinct text (cache miss)", wideMiss);
            }),
            ("catalogs(first: 10) { nodes { id title } }, bearer token", async r =>
            {
                await r.SequentialAsync("catalogs(first: 10), authenticated", listCatalogs);
                await r.ConcurrentAsync("catalogs(first: 10), authenticated", listCatalogs);
            }),
            ("contentItems(first: 50) page 1 vs deep page (keyset), id order", async r =>
            {
                await r.SequentialAsync("contentItems(first: 50) (id order) page 1", idFirstPage);
                await r.SequentialAsync(idDeepLabel, idAfterDeep);
                await r.ConcurrentAsync("contentItems(first: 50) (id order) page 1", idFirstPage);
                await r.ConcurrentAsync(idDeepLabel, idAfterDeep);
            }),
            ("contentItems(first: 50) page 1 vs deep page (keyset), contentKey order", async r =>
            {
                await r.SequentialAsync("contentItems(first: 50, order: contentKey) page 1", firstPage);
                await r.SequentialAsync($"contentItems(first: 50, order: contentKey) after item {shallow:N0}", afterShallow);
                await r.SequentialAsync(deepLabel, afterDeep);
                await r.ConcurrentAsync("contentItems(first: 50, order: contentKey) page 1", firstPage);
                await r.ConcurrentAsync(deepLabel, afterDeep);
            }),
            ("membership of 1,000 keys (500 contained)", async r =>
            {
                await r.SequentialAsync("contentItems(where: contentKey in 1,000 keys) { totalCount }", inFilter);
                await r.SequentialAsync("ICatalogMembership.ContainedKeysAsync, 1,000 keys (in-process, no HTTP)", inProcess);
            }),
            ("addCatalogContent, 10,000 keys (upsert of existing keys)", async r =>
            {
                await r.SequentialAsync("addCatalogContent, 10,000 keys (upsert)", upsert, options.UpsertIterations, warmup: 1);
            }),
        ];
    }

    private static string? FirstKey(JsonNode data) =>
        data["node"]?["contentItems"]?["nodes"]?[0]?["contentKey"]?.GetValue<string>();

    private static int PageSize(JsonNode data) => data["node"]?["contentItems"]?["nodes"]?.AsArray().Count ?? 0;

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Dataset check failed: {what}.");
        }
    }

    private static string Report(BenchOptions options, GeneratedData data, BenchServer server, TimeSpan elapsed, string table)
    {
        var text = new StringBuilder();
        text.AppendLine($"# License Manager benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({(options.Quick ? "--quick" : "full")})");
        text.AppendLine();
        text.AppendLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; "
                        + $"client and server in one process over HTTP/1.1 on 127.0.0.1; {server.DatabaseDescription}.");
        text.AppendLine($"Dataset (seed {options.Seed}): {data.Items:N0} content items in one catalog, {data.Catalogs} catalogs, "
                        + $"generated through addCatalogContent in {data.Elapsed.TotalSeconds:F1} s. Whole run {elapsed.TotalSeconds:F0} s.");
        text.AppendLine($"seq: {options.Warmup} warm-up calls, then up to {options.Iterations} timed calls one after another; "
                        + $"conc×{options.Clients}: up to {options.ConcurrentRequests} requests over {options.Clients} clients; "
                        + $"each loop stops after {options.ScenarioBudget.TotalSeconds:F0} s. "
                        + "× baseline = median / the baseline's median of the same mode.");
        text.AppendLine();
        text.Append(table);
        return text.ToString();
    }

    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LicenseManager.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
