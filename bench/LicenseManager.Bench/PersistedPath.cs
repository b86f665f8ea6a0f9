using System.Diagnostics;
using System.Text.Json;
using LicenseManager.Platform.Gql.Persisted;

namespace LicenseManager.Bench;

/// <summary>
/// <c>--persisted</c>: what a persisted operation costs or saves against sending its text, anonymous, 32 clients.
/// The document is 100 aliased fields (parse + validation would show; the document cache takes both away
/// after the first request in every scenario), so the difference is the request size and the store lookup
/// (an in-memory hit after the first request per instance).
/// </summary>
internal static class PersistedPath
{
    public const string Baseline = "POST text (100 fields), anonymous (baseline)";

    public static async Task<int> RunAsync(
        BenchOptions options, TextWriter log, CancellationToken stopping, Func<string, TimeSpan, BenchServer, Task> write)
    {
        var total = Stopwatch.StartNew();
        log.WriteLine($"License Manager persisted operations: {options.ConcurrentRequests} requests × {options.Clients} clients per scenario");
        await using var server = await BenchServer.StartAsync(log);
        using var http = new GqlHttp(server.BaseAddress, options.Clients * 2);

        var document = $"query Wide {{ {string.Join(' ', Enumerable.Range(0, 100).Select(i => $"f{i}: __typename"))} }}";
        var md5 = OperationHash.Md5Hex(document);
        var sha256 = OperationHash.Sha256Hex(document);
        var store = server.App.Services.GetRequiredService<OperationStore>();
        await store.AddAsync([new OperationEntry(md5, document), new OperationEntry(sha256, document)], OperationSource.Import, stopping);

        var text = GqlHttp.Body(document);
        var byId = JsonSerializer.SerializeToUtf8Bytes(new { id = md5 });
        var apq = JsonSerializer.SerializeToUtf8Bytes(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = sha256 } } });
        var getPath = "graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = sha256 } }));
        foreach (var (name, body) in new[] { ("text", text), ("id", byId), ("apq", apq) })
        {
            var data = await http.QueryAsync(body, authenticated: false, stopping);
            if (data["f99"]?.GetValue<string>() != "Query")
            {
                throw new InvalidOperationException($"Check failed: {name} did not run the document.");
            }
        }

        if (!await http.GetAsync(getPath, stopping))
        {
            throw new InvalidOperationException("Check failed: GET by APQ hash.");
        }

        log.WriteLine($"request bodies: text {text.Length} B, id {byId.Length} B, APQ {apq.Length} B; GET URL {getPath.Length} characters");
        Func<CancellationToken, Task<bool>> postText = ct => http.PostAsync(text, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> postId = ct => http.PostAsync(byId, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> postApq = ct => http.PostAsync(apq, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> getApq = ct => http.GetAsync(getPath, ct);

        var runner = new Runner(options, log);
        log.WriteLine("warm-up (JIT tiering), not reported");
        await runner.WarmUpAsync([postText, postId, postApq, getApq]);
        await runner.WarmUpConcurrentAsync([postText, postId, postApq, getApq], TimeSpan.FromSeconds(3));
        // On a loaded machine tier-1 code arrives late: without a concurrent pass of every scenario first, whichever
        // ran first looked 6-20× slower (measured both orders). This pass is thrown away.
        var warm = new Runner(options with { ConcurrentRequests = Math.Min(options.ConcurrentRequests, 5_000) }, TextWriter.Null);
        (string Name, Func<CancellationToken, Task<bool>> Call)[] scenarios =
        [
            (Baseline, postText),
            ($"POST {{\"id\": md5}} ({byId.Length} B body)", postId),
            ($"POST APQ hash only ({apq.Length} B body)", postApq),
            ("GET APQ hash only (cacheable)", getApq),
        ];
        foreach (var (name, call) in scenarios)
        {
            await warm.ConcurrentAsync(name, call);
        }

        foreach (var (name, call) in scenarios)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            await runner.ConcurrentAsync(name, call);
        }

        await write(runner.Table(Baseline), total.Elapsed, server);
        return runner.Rows.Any(r => r.Failures > 0) ? 1 : 0;
    }
}
