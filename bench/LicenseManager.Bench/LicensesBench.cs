using System.Diagnostics;
using System.Text.Json.Nodes;
using LicenseManager.Host.Commands;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Relay;
using Npgsql;

namespace LicenseManager.Bench;

/// <summary>
/// <c>--licenses</c>: the Licenses targets of issue 11 on one plan of 1,000,000 licenses (dataset generated
/// here: plan rows in SQL until Subscriptions has its API, licenses through ILicensePool's COPY, assignments
/// through the public mutation): provisioning, one 100,000-email assignLicenses, license pages at depth 1 and
/// 10,000 in two orders (with and without totalCount), and contentAccess for 1 and 20 keys under 32 clients
/// against anonymous <c>{ __typename }</c> in the same run.
/// </summary>
internal static class LicensesBench
{
    public const string Baseline = "{ __typename }, anonymous (baseline)";

    private const int PlanSize = 1_000_000;
    private const int AssignBatch = 100_000;
    private const int AssignedTotal = 600_000;
    private const string AdminEmail = "bench-admin@example.com";
    private const string LearnerEmail = "bench-learner@example.com";
    private const string Password = "Bench-Password-123!";

    private const string Assign = """
        mutation($input: AssignLicensesInput!) {
          assignLicenses(input: $input) { numSuccessfulAssignments errors { __typename ... on Error { message } } }
        }
        """;

    private static string Page(string order, bool total) => $$"""
        query($planId: ID!, $after: String) {
          licenses(planId: $planId, first: 50, after: $after, order: [{{order}}],
                   where: { status: { eq: ASSIGNED }, userEmail: { contains: "corp" } }) {
            {{(total ? "totalCount" : "")}} nodes { id userEmail assignedAt } pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private static string CursorOf(string order) => $$"""
        query($planId: ID!, $email: String!) {
          licenses(planId: $planId, first: 1, order: [{{order}}], where: { userEmail: { eq: $email } }) { edges { cursor } }
        }
        """;

    private const string Access = """
        query($e: UUID!, $keys: [String!]!) { contentAccess(enterpriseCustomerId: $e, contentKeys: $keys) { contentKey granted checksum } }
        """;

    public static string Email(int i) => $"learner{i:D7}@corp{i % 10}.example";

    public static async Task<int> RunAsync(BenchOptions options, TextWriter log, CancellationToken stopping, Func<string, TimeSpan, BenchServer, Task> write)
    {
        var total = Stopwatch.StartNew();
        await using var server = await BenchServer.StartAsync(log);
        using var http = new GqlHttp(server.BaseAddress, options.Clients * 2);
        var enterprise = Guid.NewGuid();
        foreach (var (email, role) in new[] { (Dataset.OperatorEmail, "operator"), (AdminEmail, "enterprise_admin"), (LearnerEmail, "learner") })
        {
            await CommandAsync(server, ["users", "add", "--email", email, "--password", email == Dataset.OperatorEmail ? Dataset.OperatorPassword : Password, "--role", role,
                .. role == "operator" ? Array.Empty<string>() : ["--enterprise", enterprise.ToString()]]);
        }

        http.Token = await http.PasswordTokenAsync(Dataset.OperatorEmail, Dataset.OperatorPassword);
        var keys = Enumerable.Range(0, 100).Select(i => $"course-v1:Bench+C{i:D3}+2026").ToArray();
        // The enterprise exists once it has an agreement: createCatalog refuses it before.
        var agreement = Guid.NewGuid();
        await SqlAsync(server, """
            INSERT INTO subscriptions.customer_agreements (id, enterprise_customer_id, enterprise_customer_slug, enterprise_customer_name,
                disable_expiration_notifications, disable_onboarding_notifications, license_duration_before_purge_days, enable_auto_scaling, created_at, updated_at)
            VALUES (@agreement, @enterprise, 'bench', 'Bench', false, false, 90, false, now(), now());
            """,
            ("agreement", agreement), ("enterprise", enterprise));
        var catalog = await CatalogAsync(http, enterprise, keys);
        // --access: a small plan, no assignments or pages; contentAccess reads one learner's licenses either way.
        var planSize = options.AccessOnly ? 1_000 : PlanSize;
        var planId = await PlanRowsAsync(server, agreement, enterprise, catalog, planSize);
        var planNode = NodeId.Encode("SubscriptionPlan", planId);

        var runner = new Runner(options, log);
        var provision = Stopwatch.StartNew();
        await using (var unit = await server.App.Services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(stopping))
        {
            await server.App.Services.GetRequiredService<ILicensePool>().ProvisionAsync(unit, planId, enterprise, planSize, stopping);
            await unit.CommitAsync(stopping);
        }

        provision.Stop();
        log.WriteLine($"provisioned {planSize:N0} licenses (binary COPY + history) in {provision.Elapsed.TotalSeconds:F1} s");
        await SqlAsync(server, "ANALYZE licenses.licenses");

        http.Token = await http.PasswordTokenAsync(AdminEmail, Password);
        var assignTimes = new List<double>();
        for (var batch = 0; batch < (options.AccessOnly ? 0 : AssignedTotal / AssignBatch); batch++)
        {
            var emails = Enumerable.Range(batch * AssignBatch, AssignBatch).Select(Email).ToArray();
            var body = GqlHttp.Body(Assign, new { input = new { planId = planNode, userEmails = emails, notifyUsers = true } });
            var watch = Stopwatch.StartNew();
            var data = await http.QueryAsync(body);
            watch.Stop();
            Expect(data["assignLicenses"]!["numSuccessfulAssignments"]!.GetValue<int>() == AssignBatch, $"batch {batch} assigned {data}");
            assignTimes.Add(watch.Elapsed.TotalMilliseconds);
            log.WriteLine($"  assignLicenses {AssignBatch:N0} emails (batch {batch}): {watch.Elapsed.TotalSeconds:F2} s");
        }

        await SqlAsync(server, "ANALYZE licenses.licenses");
        if (assignTimes.Count > 0)
        {
            runner.Rows.Add(new Row($"assignLicenses {AssignBatch:N0} emails into a {PlanSize:N0}-license plan (one mutation; first of {assignTimes.Count})",
                "once", 1, assignTimes[0], assignTimes.Max(), null, 0, assignTimes.Max()));
        }

        // Pages: the deep cursor is the position of the 500,000th email (page 10,001), obtained through the API.
        var adminToken = http.Token;
        const string byEmail = "{ userEmail: ASC }";
        const string byAssigned = "{ assignedAt: DESC }";
        var scenarios = new List<(string Name, byte[] Body)>();
        foreach (var (label, order, deepEmail) in options.AccessOnly ? [] : new[] { ("userEmail ASC", byEmail, Email(500_000)), ("assignedAt DESC", byAssigned, Email(50_000)) })
        {
            var cursor = (await http.QueryAsync(GqlHttp.Body(CursorOf(order), new { planId = planNode, email = deepEmail })))["licenses"]!["edges"]![0]!["cursor"]!.GetValue<string>();
            foreach (var withTotal in new[] { false, true })
            {
                var suffix = withTotal ? ", totalCount" : string.Empty;
                scenarios.Add(($"licenses page 1, status + contains, {label}{suffix}", GqlHttp.Body(Page(order, withTotal), new { planId = planNode, after = (string?)null })));
                scenarios.Add(($"licenses page 10,001, status + contains, {label}{suffix}", GqlHttp.Body(Page(order, withTotal), new { planId = planNode, after = cursor })));
            }
        }

        foreach (var (name, body) in scenarios)
        {
            Expect((await http.QueryAsync(body))["licenses"]!["nodes"]!.AsArray().Count == 50, name);
        }

        // The learner's license: assigned by the admin, activated by the learner.
        var assigned = await http.QueryAsync(GqlHttp.Body(
            "mutation($input: AssignLicensesInput!) { assignLicenses(input: $input) { assignments { license { activationKey } } } }",
            new { input = new { planId = planNode, userEmails = new[] { LearnerEmail } } }));
        var key = assigned["assignLicenses"]!["assignments"]![0]!["license"]!["activationKey"]!.GetValue<string>();
        http.Token = await http.PasswordTokenAsync(LearnerEmail, Password);
        await http.QueryAsync(GqlHttp.Body("mutation($input: ActivateLicenseInput!) { activateLicense(input: $input) { license { status } } }", new { input = new { activationKey = key } }));
        var one = GqlHttp.Body(Access, new { e = enterprise, keys = keys.Take(1).ToArray() });
        var twenty = GqlHttp.Body(Access, new { e = enterprise, keys = keys.Take(20).ToArray() });
        var oneAnswer = await http.QueryAsync(one);
        Expect(oneAnswer["contentAccess"]![0]!["granted"]!.GetValue<bool>(), $"contentAccess granted: {oneAnswer}");
        Expect((await http.QueryAsync(twenty))["contentAccess"]!.AsArray().All(a => a!["granted"]!.GetValue<bool>()), "20 keys granted");
        var learnerToken = http.Token;

        // Sequential page timings with the admin's token: warm totalCount repeats one filter, so after the first
        // request it is the cached count (one version read); cold is the first request after a change to the plan.
        http.Token = adminToken;
        var medians = new Dictionary<string, double>();
        foreach (var (name, body) in scenarios)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            medians[name] = (await runner.SequentialAsync(name + (name.EndsWith("totalCount", StringComparison.Ordinal) ? " (warm)" : string.Empty),
                ct => http.PostAsync(body, authenticated: true, ct))).MedianMs;
        }

        foreach (var (name, body) in scenarios.Where(s => s.Name.EndsWith("totalCount", StringComparison.Ordinal)))
        {
            if (!stopping.IsCancellationRequested)
            {
                medians[name + " (cold)"] = (await ColdAsync(runner, server, planId, name + " (cold)", ct => http.PostAsync(body, authenticated: true, ct))).MedianMs;
            }
        }

        var ratios = TotalCountRatios(medians);
        log.WriteLine(ratios);

        // Hot path: 32 clients, 15 s each, ratios to anonymous { __typename } of this run.
        http.Token = learnerToken;
        var typename = GqlHttp.Body("{ __typename }");
        Func<CancellationToken, Task<bool>> anonymous = ct => http.PostAsync(typename, authenticated: false, ct);
        Func<CancellationToken, Task<bool>> access1 = ct => http.PostAsync(one, authenticated: true, ct);
        Func<CancellationToken, Task<bool>> access20 = ct => http.PostAsync(twenty, authenticated: true, ct);
        var hot = new Runner(options with { Clients = 32, ConcurrentRequests = 1_000_000, ScenarioBudget = TimeSpan.FromSeconds(15) }, log);
        await hot.WarmUpAsync([anonymous, access1, access20]);
        await hot.WarmUpConcurrentAsync([anonymous, access1, access20], TimeSpan.FromSeconds(3));
        (string Name, Func<CancellationToken, Task<bool>> Call)[] hotScenarios =
            [(Baseline, anonymous), ("contentAccess, 1 key, learner token", access1), ("contentAccess, 20 keys, learner token", access20)];
        await hot.InterleavedAsync([.. hotScenarios.Where(s => s.Name == Baseline || options.Only is null || s.Name.Contains(options.Only, StringComparison.Ordinal))], rounds: 5);
        runner.Rows.AddRange(hot.Rows);

        // Last, because it empties the plan: every assigned and activated license revoked and replaced, one statement + COPY.
        if (!options.AccessOnly && !stopping.IsCancellationRequested)
        {
            http.Token = adminToken;
            var revokeAll = Stopwatch.StartNew();
            var revoked = await http.QueryAsync(GqlHttp.Body(
                "mutation($input: RevokeAllLicensesInput!) { revokeAllLicenses(input: $input) { numRevoked errors { __typename } } }",
                new { input = new { planId = planNode } }));
            revokeAll.Stop();
            var count = revoked["revokeAllLicenses"]!["numRevoked"]!.GetValue<int>();
            Expect(count == AssignedTotal + 1, $"revokeAllLicenses revoked {revoked}");
            runner.Rows.Add(new Row($"revokeAllLicenses, {count:N0} assigned/activated licenses of the plan (one mutation)",
                "once", 1, revokeAll.Elapsed.TotalMilliseconds, revokeAll.Elapsed.TotalMilliseconds, null, 0, revokeAll.Elapsed.TotalMilliseconds));
            log.WriteLine($"  revokeAllLicenses {count:N0}: {revokeAll.Elapsed.TotalSeconds:F2} s");
        }

        log.WriteLine($"provisioning {planSize:N0}: {provision.Elapsed.TotalSeconds:F1} s");
        await write(runner.Table(Baseline) + Environment.NewLine + ratios, total.Elapsed, server);
        return runner.Rows.Any(r => r.Failures > 0) ? 1 : 0;
    }

    /// <summary>
    /// The first request for a filter after the plan changed: before each timed request (untimed) one statement
    /// touches one license (<c>last_reminded_at</c> set to itself), which renews the plan's count version, so the
    /// cached count no longer matches and the request counts again (version and count in one statement).
    /// </summary>
    private static async Task<Row> ColdAsync(Runner runner, BenchServer server, Guid planId, string name, Func<CancellationToken, Task<bool>> call)
    {
        const int iterations = 30;
        var latencies = new List<double>(iterations);
        var failures = 0;
        for (var i = 0; i < iterations; i++)
        {
            await SqlAsync(server, """
                UPDATE licenses.licenses SET last_reminded_at = last_reminded_at
                WHERE id = (SELECT id FROM licenses.licenses WHERE plan_id = @plan AND status = 1 ORDER BY id LIMIT 1)
                """,
                ("plan", planId));
            var start = Stopwatch.GetTimestamp();
            var ok = await call(CancellationToken.None);
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

        var row = new Row(name, "seq", latencies.Count, Runner.Median(latencies), Runner.P95(latencies), null, failures, Runner.Percentile(latencies, 0.99));
        runner.Rows.Add(row);
        return row;
    }

    /// <summary>Each page with totalCount (warm and cold) over the same page without it: the target is at most 2×.</summary>
    private static string TotalCountRatios(Dictionary<string, double> medians)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine("| page | median ms without totalCount | warm ms | × | cold ms | × |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|");
        foreach (var (name, page) in medians.Where(m => !m.Key.Contains("totalCount", StringComparison.Ordinal)))
        {
            var warm = medians.GetValueOrDefault(name + ", totalCount", double.NaN);
            var cold = medians.GetValueOrDefault(name + ", totalCount (cold)", double.NaN);
            text.AppendLine(culture, $"| {name} | {page:F2} | {warm:F2} | {warm / page:F1} | {cold:F2} | {cold / page:F1} |");
        }

        return text.ToString();
    }

    private static async Task<Guid> CatalogAsync(GqlHttp http, Guid enterprise, string[] keys)
    {
        var created = await http.QueryAsync(GqlHttp.Body(
            "mutation($input: CreateCatalogInput!) { createCatalog(input: $input) { catalog { id } errors { __typename ... on Error { message } } } }",
            new { input = new { enterpriseCustomerId = enterprise, title = "Bench licenses catalog" } }));
        // A refused createCatalog (e.g. an enterprise without an agreement) is a failed run with its reason, not a NullReferenceException.
        var id = created["createCatalog"]?["catalog"]?["id"]?.GetValue<string>();
        Expect(id is not null, $"createCatalog answered {created}");
        await http.QueryAsync(GqlHttp.Body(
            "mutation($input: AddCatalogContentInput!) { addCatalogContent(input: $input) { upsertedCount } }",
            new { input = new { catalogId = id!, items = keys.Select(k => new { contentKey = k, contentType = "COURSE", title = k }) } }));
        return NodeId.TryDecodeGuid(id, "Catalog", out var catalog) ? catalog : throw new InvalidOperationException("catalog id");
    }

    /// <summary>The plan as rows, without licenses (they are provisioned and timed separately).</summary>
    private static async Task<Guid> PlanRowsAsync(BenchServer server, Guid agreement, Guid enterprise, Guid catalog, int size)
    {
        var plan = Guid.NewGuid();
        await SqlAsync(server, """
            INSERT INTO subscriptions.products (id, name, plan_type_id, created_at)
            SELECT @product, 'Bench product', id, now() FROM subscriptions.plan_types ORDER BY label LIMIT 1;
            INSERT INTO subscriptions.subscription_plans (id, customer_agreement_id, enterprise_customer_id, title, start_date, expiration_date, is_active,
                catalog_id, product_id, is_revocation_cap_enabled, revoke_max_percentage, should_auto_apply_licenses, for_internal_use_only,
                can_freeze_unused_licenses, desired_num_licenses, expiration_processed, created_at, updated_at)
            VALUES (@plan, @agreement, @enterprise, 'Bench plan', now() - interval '1 day', now() + interval '365 days', true,
                @catalog, @product, false, 5, false, false, false, @size, false, now(), now());
            """,
            ("agreement", agreement), ("enterprise", enterprise), ("product", Guid.NewGuid()), ("plan", plan), ("catalog", catalog), ("size", size));
        return plan;
    }

    private static async Task SqlAsync(BenchServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = server.App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task CommandAsync(BenchServer server, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        if (await CommandLine.RunAsync(server.App.Services, args, output, error) != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args.Take(2))} failed: {error}{output}");
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Check failed: {what}.");
        }
    }
}
