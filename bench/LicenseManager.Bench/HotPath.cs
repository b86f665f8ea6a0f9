using System.Diagnostics;
using LicenseManager.Host.Commands;

namespace LicenseManager.Bench;

/// <summary>
/// <c>--hot</c>: the path every authenticated request rides (token → actor → field → DbContext → one SQL
/// statement), measured as throughput ratios to anonymous <c>{ __typename }</c> in the same run, 32 clients.
/// No dataset beyond one operator: <c>catalogs(first: 1)</c> is one indexed SELECT on an empty table.
/// </summary>
internal static class HotPath
{
    public const string Baseline = "{ __typename }, anonymous (baseline)";

    public static async Task<int> RunAsync(
        BenchOptions options, TextWriter log, CancellationToken stopping, Func<string, TimeSpan, BenchServer, Task> write)
    {
        var total = Stopwatch.StartNew();
        log.WriteLine($"License Manager request path: {options.ConcurrentRequests} requests × {options.Clients} clients per scenario");
        await using var server = await BenchServer.StartAsync(log);
        using var http = new GqlHttp(server.BaseAddress, options.Clients * 2);
        var output = new StringWriter();
        var code = await CommandLine.RunAsync(server.App.Services,
            ["users", "add", "--email", Dataset.OperatorEmail, "--password", Dataset.OperatorPassword, "--role", "operator"], output, new StringWriter());
        if (code != 0)
        {
            throw new InvalidOperationException($"users add failed ({code}): {output}");
        }

        http.Token = await http.PasswordTokenAsync(Dataset.OperatorEmail, Dataset.OperatorPassword);

        var typename = GqlHttp.Body("{ __typename }");
        var me = GqlHttp.Body("{ me { email } }");
        var catalogs = GqlHttp.Body("{ catalogs(first: 1) { nodes { id } } }");
        // Every body is checked once before timing: a refused token would otherwise measure the error path.
        Expect((await http.QueryAsync(typename, authenticated: true))["__typename"]?.GetValue<string>() == "Query", "bearer __typename");
        Expect((await http.QueryAsync(me))["me"]?["email"]?.GetValue<string>() == Dataset.OperatorEmail, "me.email");
        Expect((await http.QueryAsync(catalogs))["catalogs"]?["nodes"] is not null, "catalogs(first: 1)");

        Func<CancellationToken, Task<bool>> anonymous = ct => http.PostAsync(typename, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> bearer = ct => http.PostAsync(typename, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> viewer = ct => http.PostAsync(me, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> list = ct => http.PostAsync(catalogs, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> ready = ct => http.GetAsync("health/ready", ct);

        var runner = new Runner(options, log);
        log.WriteLine("warm-up (JIT tiering), not reported");
        await runner.WarmUpAsync([anonymous, bearer, viewer, list]);
        await runner.WarmUpConcurrentAsync([anonymous, bearer, viewer, list], TimeSpan.FromSeconds(3));
        (string Name, Func<CancellationToken, Task<bool>> Call)[] scenarios =
        [
            (Baseline, anonymous),
            ("{ __typename }, bearer token", bearer),
            ("{ me { email } }, bearer token (no SQL)", viewer),
            ("{ catalogs(first: 1) { nodes { id } } }, bearer token (one SELECT)", list),
            // The same round trip without GraphQL or EF: tells the driver and server's share from ours.
            ("GET /health/ready (raw Npgsql SELECT 1, no GraphQL, no EF)", ready),
        ];
        foreach (var (name, call) in scenarios)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (options.Only is { } only && name != Baseline && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await runner.ConcurrentAsync(name, call);
            // One client, no queueing: the request's own cost, next to its cost under 32 clients.
            await runner.SequentialAsync(name, call);
        }

        await write(runner.Table(Baseline), total.Elapsed, server);
        return runner.Rows.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Check failed: {what}.");
        }
    }
}
