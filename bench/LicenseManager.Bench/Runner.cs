using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LicenseManager.Bench;

/// <summary>One measured row. Latencies in milliseconds; <see cref="RequestsPerSecond"/> only for concurrent runs.</summary>
internal sealed record Row(string Scenario, string Mode, int N, double MedianMs, double P95Ms, double? RequestsPerSecond, int Failures, double P99Ms = double.NaN)
{
    /// <summary>CPU time of this process (client and server, not PostgreSQL) per request of a concurrent run, µs.</summary>
    public double? CpuMicrosPerRequest { get; init; }

    public bool Concurrent => RequestsPerSecond is not null;
}

/// <summary>
/// Stopwatch runner: warm-up calls (not timed), then timed calls one after another, or a bounded concurrent
/// run (a fixed number of requests shared by N clients). Every timed loop also stops at the time budget.
/// A call returns false (or throws) on failure; failures are counted and excluded from the latencies.
/// </summary>
internal sealed class Runner(BenchOptions options, TextWriter log)
{
    public List<Row> Rows { get; } = [];

    /// <summary>
    /// Calls each of <paramref name="calls"/> in turn until every one ran <see cref="BenchOptions.Warmup"/> × 10
    /// times or the time budget is spent, so that the code every scenario shares has tiered up before the
    /// first timing (otherwise the first scenarios pay for the JIT).
    /// </summary>
    public async Task WarmUpAsync(IReadOnlyList<Func<CancellationToken, Task<bool>>> calls)
    {
        var budget = Stopwatch.StartNew();
        for (var round = 0; round < options.Warmup * 10 && budget.Elapsed < options.ScenarioBudget; round++)
        {
            foreach (var call in calls)
            {
                await Safe(call);
            }
        }

        // Let the background tier-1 compilations land.
        await Task.Delay(500);
    }

    public async Task<Row> SequentialAsync(string scenario, Func<CancellationToken, Task<bool>> call, int? iterations = null, int? warmup = null)
    {
        var n = iterations ?? options.Iterations;
        for (var i = 0; i < (warmup ?? options.Warmup); i++)
        {
            await call(CancellationToken.None);
        }

        var latencies = new List<double>(n);
        var failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < n && budget.Elapsed < options.ScenarioBudget; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var ok = await Safe(call);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (ok)
            {
                latencies.Add(elapsed);
            }
            else
            {
                failures++;
            }
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return Add(new Row(scenario, "seq", latencies.Count, Median(latencies), P95(latencies), null, failures, Percentile(latencies, 0.99))
        {
            CpuMicrosPerRequest = latencies.Count > 0 ? cpu.TotalMicroseconds / latencies.Count : null,
        });
    }

    /// <summary>
    /// Each call under the full concurrency for <paramref name="each"/>, unrecorded: a few hundred sequential calls
    /// leave the runtime's tiered (PGO) compilation unfinished, and the first measured scenario then pays for it
    /// (measured: anonymous <c>{ __typename }</c> at 47 µs of CPU per request after a sequential warm-up, 33 µs fully warm).
    /// </summary>
    public async Task WarmUpConcurrentAsync(IReadOnlyList<Func<CancellationToken, Task<bool>>> calls, TimeSpan each)
    {
        foreach (var call in calls)
        {
            await RunClientsAsync(call, each);
        }

        await Task.Delay(500);
    }

    public async Task<Row> ConcurrentAsync(string scenario, Func<CancellationToken, Task<bool>> call)
    {
        for (var i = 0; i < Math.Min(options.Warmup, 10); i++)
        {
            await call(CancellationToken.None);
        }

        // CPU time is less sensitive than wall time to other processes on a shared machine.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var (all, failures) = await RunClientsAsync(call, options.ScenarioBudget);
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var rps = all.Count / wall.Elapsed.TotalSeconds;
        return Add(new Row(scenario, $"conc×{options.Clients}", all.Count, Median(all), P95(all), rps, failures, Percentile(all, 0.99))
        {
            CpuMicrosPerRequest = all.Count > 0 ? cpu.TotalMicroseconds / all.Count : null,
        });
    }

    /// <summary>
    /// The scenarios in turn, <paramref name="rounds"/> times, each for the scenario budget divided by the rounds:
    /// on a shared 2-core machine the speed drifts by a third between minutes, so a ratio is only fair between
    /// scenarios measured side by side. One row per scenario over all its rounds (req/s = requests / time under
    /// load); the log shows each round's throughput against the first scenario of that round.
    /// </summary>
    public async Task<IReadOnlyList<Row>> InterleavedAsync(IReadOnlyList<(string Name, Func<CancellationToken, Task<bool>> Call)> scenarios, int rounds)
    {
        var budget = options.ScenarioBudget / rounds;
        var latencies = scenarios.Select(_ => new List<double>()).ToArray();
        var failures = new int[scenarios.Count];
        var seconds = new double[scenarios.Count];
        var cpu = new TimeSpan[scenarios.Count];
        for (var round = 0; round < rounds; round++)
        {
            var perRound = new double[scenarios.Count];
            for (var i = 0; i < scenarios.Count; i++)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var (all, failed) = await RunClientsAsync(scenarios[i].Call, budget);
                wall.Stop();
                cpu[i] += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                seconds[i] += wall.Elapsed.TotalSeconds;
                latencies[i].AddRange(all);
                failures[i] += failed;
                perRound[i] = all.Count / wall.Elapsed.TotalSeconds;
            }

            log.WriteLine($"  round {round + 1}: " + string.Join(", ", scenarios.Select((s, i) => $"{s.Name} {perRound[i]:F0} req/s ({perRound[i] / perRound[0]:F2}×)")));
        }

        return scenarios.Select((s, i) => Add(new Row(s.Name, $"conc×{options.Clients}", latencies[i].Count, Median(latencies[i]), P95(latencies[i]),
            latencies[i].Count / seconds[i], failures[i], Percentile(latencies[i], 0.99))
        {
            CpuMicrosPerRequest = latencies[i].Count > 0 ? cpu[i].TotalMicroseconds / latencies[i].Count : null,
        })).ToList();
    }

    private async Task<(List<double> Latencies, int Failures)> RunClientsAsync(Func<CancellationToken, Task<bool>> call, TimeSpan budget)
    {
        var total = options.ConcurrentRequests;
        var started = 0;
        var failures = 0;
        var perClient = new List<double>[options.Clients];
        using var deadline = new CancellationTokenSource(budget);
        var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
        {
            var latencies = perClient[c] = new List<double>(total / options.Clients + 1);
            while (!deadline.IsCancellationRequested && Interlocked.Increment(ref started) <= total)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await Safe(call);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (ok)
                {
                    latencies.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(clients);
        return (perClient.SelectMany(l => l).ToList(), failures);
    }

    private Row Add(Row row)
    {
        Rows.Add(row);
        log.WriteLine($"  {row.Scenario,-58} {row.Mode,-7} n={row.N,5}  median {row.MedianMs,8:F2} ms  p95 {row.P95Ms,8:F2} ms  p99 {row.P99Ms,8:F2} ms"
                      + (row.RequestsPerSecond is { } rps ? $"  {rps,7:F0} req/s" : string.Empty)
                      + (row.CpuMicrosPerRequest is { } cpu ? $"  cpu {cpu,6:F0} µs/req" : string.Empty)
                      + (row.Failures > 0 ? $"  FAILURES {row.Failures}" : string.Empty));
        return row;
    }

    private static async Task<bool> Safe(Func<CancellationToken, Task<bool>> call)
    {
        try
        {
            return await call(CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest-rank 95th percentile.</summary>
    public static double P95(List<double> values) => Percentile(values, 0.95);

    /// <summary>Nearest-rank percentile (<paramref name="fraction"/> 0.99 = p99).</summary>
    public static double Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Markdown table. Ratio: a row's median over the baseline's median of the same mode (sequential rows
    /// against the sequential baseline, concurrent rows against the concurrent baseline), same run.
    /// </summary>
    public string Table(string baselineScenario)
    {
        // The baseline is the first row of its scenario in each mode (the hot-path run uses anonymous { __typename }).
        var culture = CultureInfo.InvariantCulture;
        var baselineSeq = Rows.FirstOrDefault(r => r.Scenario == baselineScenario && !r.Concurrent)?.MedianMs;
        var baselineConc = Rows.FirstOrDefault(r => r.Scenario == baselineScenario && r.Concurrent)?.MedianMs;
        var baselineRps = Rows.FirstOrDefault(r => r.Scenario == baselineScenario && r.Concurrent)?.RequestsPerSecond;
        var text = new StringBuilder();
        text.AppendLine("| scenario | mode | n | median ms | p95 ms | p99 ms | req/s | × baseline median | × baseline req/s | app CPU µs/req |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in Rows)
        {
            var baseline = row.Concurrent ? baselineConc : baselineSeq;
            var ratio = baseline is > 0 ? (row.MedianMs / baseline.Value).ToString("F1", culture) : "–";
            var rps = row.RequestsPerSecond is { } r ? r.ToString("F0", culture) : "";
            var failures = row.Failures > 0 ? $" ({row.Failures} failed)" : string.Empty;
            // Throughput ratio: the issue's targets ("≥ 0.80× of anonymous { __typename }") are req/s of the same run.
            var rpsRatio = row.RequestsPerSecond is { } own && baselineRps is > 0 ? (own / baselineRps.Value).ToString("F2", culture) : "";
            text.AppendLine(culture, $"| {row.Scenario}{failures} | {row.Mode} | {row.N} | {row.MedianMs:F2} | {row.P95Ms:F2} | {row.P99Ms:F2} | {rps} | {ratio} | {rpsRatio} | {row.CpuMicrosPerRequest?.ToString("F0", culture)} |");
        }

        return text.ToString();
    }
}
