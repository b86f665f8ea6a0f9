using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using LicenseManager.Host.Commands;
using Npgsql;

namespace LicenseManager.Bench;

/// <summary>
/// <c>--provision</c>: <c>createSubscriptionPlan(numLicenses: 1,000,000)</c> through GraphQL over HTTP, against a
/// server-side <c>INSERT … SELECT … FROM generate_series</c> of the same rows into the same tables (same indexes and
/// triggers) in the same run, alternating so both meet the same table sizes. Samples the process's memory every 20 ms
/// while the mutation runs (client and server share the process; the client holds one small response).
/// </summary>
internal static class Provisioning
{
    private const string CreatePlan = """
        mutation($input: CreateSubscriptionPlanInput!) {
          createSubscriptionPlan(input: $input) { licensesAdded subscriptionPlan { id licenseCounts { unassigned } } errors { ... on Error { code message } } }
        }
        """;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter log, CancellationToken stopping)
    {
        var size = options.PlanSize;
        var rounds = options.Rounds;
        log.WriteLine($"plan provisioning: {rounds} rounds of {size:N0} licenses, GraphQL mutation vs. server-side INSERT … SELECT generate_series");
        // A loaded machine may need more than the 30 s default for a million rows; the measurement, not the policy, is the point here.
        Environment.SetEnvironmentVariable("GraphQL__ExecutionTimeout", "00:10:00");
        await using var server = await BenchServer.StartAsync(log);
        using var http = new GqlHttp(server.BaseAddress, 4, TimeSpan.FromMinutes(10));
        var output = new StringWriter();
        if (await CommandLine.RunAsync(server.App.Services,
                ["users", "add", "--email", Dataset.OperatorEmail, "--password", Dataset.OperatorPassword, "--role", "operator"], output, new StringWriter()) != 0)
        {
            throw new InvalidOperationException($"users add failed: {output}");
        }

        http.Token = await http.PasswordTokenAsync(Dataset.OperatorEmail, Dataset.OperatorPassword);
        var enterprise = Guid.NewGuid();
        await MutateAsync(http, "mutation($input: CreateCustomerAgreementInput!) { createCustomerAgreement(input: $input) { errors { __typename } } }", new { enterpriseCustomerId = enterprise });
        var catalog = (await MutateAsync(http, "mutation($input: CreateCatalogInput!) { createCatalog(input: $input) { catalog { id } errors { __typename } } }",
            new { enterpriseCustomerId = enterprise, title = "Bench" }))["catalog"]!["id"]!.GetValue<string>();
        var product = (await MutateAsync(http, "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { __typename } } }",
            new { name = "Bench product", planTypeId = "UGxhblR5cGU6MDE5M2EwYzAwMDAwNzAwMDgwMDAwMDAwMDAwMDAwMDQ=" }))["product"]!["id"]!.GetValue<string>();
        var connectionString = server.App.Configuration.GetConnectionString("LicenseManager")!;

        async Task<(double Seconds, long PeakWorkingSet, long PeakManaged)> ViaGraphQlAsync(int licenses, int round)
        {
            var input = new
            {
                enterpriseCustomerId = enterprise, title = $"Plan {round}", startDate = DateTimeOffset.UtcNow.AddDays(-1), expirationDate = DateTimeOffset.UtcNow.AddYears(1),
                productId = product, numLicenses = licenses, changeReason = "NEW", catalogId = catalog, isActive = true,
            };
            GC.Collect();
            using var sampler = new MemorySampler();
            var watch = Stopwatch.StartNew();
            var payload = await MutateAsync(http, CreatePlan, input);
            watch.Stop();
            if (payload["licensesAdded"]!.GetValue<int>() != licenses || payload["subscriptionPlan"]!["licenseCounts"]!["unassigned"]!.GetValue<long>() != licenses)
            {
                throw new InvalidOperationException($"createSubscriptionPlan added {payload["licensesAdded"]} licenses, expected {licenses}.");
            }

            return (watch.Elapsed.TotalSeconds, sampler.PeakWorkingSet, sampler.PeakManaged);
        }

        async Task<double> ViaInsertAsync(int licenses, bool withEvents)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(stopping);
            // A v7 id, as Subscriptions gives every plan: a new plan's rows then sort after every other plan's in
            // each (plan_id, …) index, for both ways alike. A random v4 plan id here would land the following
            // plans' rows in the middle of those indexes and slow down whichever way came next.
            var planId = Guid.CreateVersion7();
            var watch = Stopwatch.StartNew();
            await using var transaction = await connection.BeginTransactionAsync(stopping);
            var sql = new StringBuilder("""
                INSERT INTO licenses.licenses (id, plan_id, enterprise_customer_id, status, auto_applied, created_at)
                SELECT gen_random_uuid(), @plan, @enterprise, 0, false, now() FROM generate_series(1, @n);
                """);
            if (withEvents)
            {
                sql.Append("""
                    INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_after)
                    SELECT id, plan_id, enterprise_customer_id, 0, 'bench', now(), 0 FROM licenses.licenses WHERE plan_id = @plan;
                    """);
            }

            await using (var command = new NpgsqlCommand(sql.ToString(), connection, transaction) { CommandTimeout = 600 })
            {
                command.Parameters.AddWithValue("plan", planId);
                command.Parameters.AddWithValue("enterprise", enterprise);
                command.Parameters.AddWithValue("n", licenses);
                await command.ExecuteNonQueryAsync(stopping);
            }

            await transaction.CommitAsync(stopping);
            return watch.Elapsed.TotalSeconds;
        }

        log.WriteLine("warm-up: a plan of 10,000 licenses both ways (JIT, caches), not reported");
        await ViaGraphQlAsync(10_000, 0);
        await ViaInsertAsync(10_000, withEvents: true);

        var graphQl = new List<double>();
        var insertLicenses = new List<double>();
        var insertWithEvents = new List<double>();
        long peakWorkingSet = 0, peakManaged = 0, baselineWorkingSet = Environment.WorkingSet;
        for (var round = 1; round <= rounds && !stopping.IsCancellationRequested; round++)
        {
            var (seconds, workingSet, managed) = await ViaGraphQlAsync(size, round);
            graphQl.Add(seconds);
            peakWorkingSet = Math.Max(peakWorkingSet, workingSet);
            peakManaged = Math.Max(peakManaged, managed);
            insertLicenses.Add(await ViaInsertAsync(size, withEvents: false));
            insertWithEvents.Add(await ViaInsertAsync(size, withEvents: true));
            log.WriteLine($"round {round}: GraphQL {seconds:F2} s, INSERT licenses {insertLicenses[^1]:F2} s, INSERT licenses + events {insertWithEvents[^1]:F2} s, "
                          + $"peak working set {workingSet / 1048576} MiB, peak managed heap {managed / 1048576} MiB");
        }

        var report = new StringBuilder();
        report.AppendLine($"# Plan provisioning, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine($"{Environment.ProcessorCount} cores; {server.DatabaseDescription}; {graphQl.Count} rounds of {size:N0} licenses, alternating; medians.");
        report.AppendLine();
        report.AppendLine("| what | median s | min s | max s | × INSERT (licenses) | × INSERT (licenses + events) |");
        report.AppendLine("|---|--:|--:|--:|--:|--:|");
        void Line(string what, List<double> values) => report.AppendLine(
            $"| {what} | {Runner.Median(values):F2} | {values.Min():F2} | {values.Max():F2} | {Runner.Median(values) / Runner.Median(insertLicenses):F2} | {Runner.Median(values) / Runner.Median(insertWithEvents):F2} |");
        Line("createSubscriptionPlan over HTTP (plan row + COPY of the licenses)", graphQl);
        Line("INSERT … SELECT gen_random_uuid() … generate_series (licenses)", insertLicenses);
        Line("INSERT … generate_series (licenses) + INSERT … SELECT (their events)", insertWithEvents);
        report.AppendLine();
        report.AppendLine($"Process memory while the mutation ran (sampled every 20 ms; client and server in one process): peak working set "
                          + $"{peakWorkingSet / 1048576} MiB (before the first round: {baselineWorkingSet / 1048576} MiB), peak managed heap {peakManaged / 1048576} MiB.");
        log.WriteLine();
        log.WriteLine(report);
        var path = options.Output ?? Path.Combine(BenchProgram.RepositoryRoot(), "bench", "results", "provisioning.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report.ToString(), stopping);
        log.WriteLine($"written to {path}");
        return 0;
    }

    private static async Task<JsonNode> MutateAsync(GqlHttp http, string mutation, object input)
    {
        var data = await http.QueryAsync(GqlHttp.Body(mutation, new { input }));
        var payload = data.AsObject().First().Value!;
        if (payload["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"mutation failed: {errors.ToJsonString()}");
        }

        return payload;
    }

    /// <summary>Samples the working set and the managed heap until disposed.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public MemorySampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
                PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(forceFullCollection: false));
                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public long PeakWorkingSet { get; private set; }

        public long PeakManaged { get; private set; }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}
