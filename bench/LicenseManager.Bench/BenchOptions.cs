namespace LicenseManager.Bench;

/// <summary>Command-line options. Every load is bounded by a count and by a time budget per scenario.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Only the authenticated request path (issue 7): 32 clients, ratios to anonymous <c>{ __typename }</c>.</summary>
    public bool Hot { get; init; }

    /// <summary>Only plan provisioning (issue 10): createSubscriptionPlan with <see cref="PlanSize"/> licenses vs. a server-side INSERT.</summary>
    public bool Provision { get; init; }

    /// <summary>Licenses per provisioned plan (<c>--provision</c>).</summary>
    public int PlanSize { get; init; } = 1_000_000;

    /// <summary>Rounds of each provisioning variant (<c>--provision</c>).</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Only the Licenses targets (issue 11): a 1,000,000-license plan, assign, pages, contentAccess.</summary>
    public bool Licenses { get; init; }

    /// <summary>Only the contentAccess part of <see cref="Licenses"/>, on a plan of 1,000 licenses: the quick loop for the hot path.</summary>
    public bool AccessOnly { get; init; }

    /// <summary>Persisted operations against their text (issue 12): same load shape as <see cref="Hot"/>.</summary>
    public bool Persisted { get; init; }

    /// <summary>Seed of the dataset generator: the same seed gives the same keys, titles and types.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Content items in the main catalog (written 10,000 per <c>addCatalogContent</c> call).</summary>
    public int Items { get; init; } = 100_000;

    public int Warmup { get; init; } = 20;

    public int Iterations { get; init; } = 200;

    public int ConcurrentRequests { get; init; } = 2_000;

    public int Clients { get; init; } = 8;

    public int UpsertIterations { get; init; } = 10;

    /// <summary>Stop a scenario's timed loop after this long even if <see cref="Iterations"/> were not reached.</summary>
    public TimeSpan ScenarioBudget { get; init; } = TimeSpan.FromSeconds(15);

    public string? Output { get; init; }

    /// <summary><c>--hot</c> only: run just the scenarios whose name contains this text (after the baseline), e.g. to profile one.</summary>
    public string? Only { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project bench/LicenseManager.Bench -- [options]
          --quick                 fewer items and iterations (20,000 items, 50 iterations, 400 concurrent requests)
          --hot                   only the request path: anonymous/bearer { __typename }, { me }, catalogs(first: 1);
                                  32 clients, up to 20,000 requests or 15 s each, then 2,000 sequential (no dataset)
          --provision             only plan provisioning: createSubscriptionPlan(numLicenses) vs. INSERT … generate_series,
                                  alternating, with the process's peak memory (--plan-size <n> default 1000000, --rounds <n> default 3)
          --licenses              only the Licenses targets: provision 1,000,000, assign 100,000 per call (6 calls),
                                  license pages at depth 1 and 10,001, contentAccess 1/20 keys at 32 clients for 15 s
          --access                only the contentAccess part of --licenses, on a plan of 1,000 licenses (about a minute)
          --persisted             persisted operations against their text: POST text / id / APQ hash, GET APQ hash;
                                  32 clients, up to 20,000 requests or 15 s each (no dataset)
          --seed <n>              dataset seed (default 42)
          --items <n>             content items in the main catalog (default 100000)
          --iterations <n>        timed sequential iterations per scenario (default 200)
          --concurrent <n>        requests of each concurrent run (default 2000)
          --clients <n>           concurrent clients (default 8)
          --output <file>         where the table is written (default bench/results/latest.md)
          --only <text>           with --hot or --access: only the baseline and the scenarios whose name contains <text> (profiling)
        environment: LM_BENCH_CONNECTION=<connection string> uses that database instead of a throwaway cluster.
        """;

    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = args.Contains("--provision")
            ? new BenchOptions { Provision = true }
            : args.Contains("--licenses") || args.Contains("--access")
            ? new BenchOptions { Licenses = true, AccessOnly = args.Contains("--access"), Warmup = 10, Iterations = 100, ConcurrentRequests = 1_000_000, Clients = 32 }
            : args.Contains("--persisted")
            ? new BenchOptions { Persisted = true, Warmup = 20, Iterations = 50, ConcurrentRequests = 20_000, Clients = 32 }
            : args.Contains("--hot")
            ? new BenchOptions { Hot = true, Warmup = 150, Iterations = 2_000, ConcurrentRequests = 20_000, Clients = 32 }
            : quick
            ? new BenchOptions
            {
                Quick = true,
                Items = 20_000,
                Warmup = 10,
                Iterations = 50,
                ConcurrentRequests = 400,
                UpsertIterations = 3,
                ScenarioBudget = TimeSpan.FromSeconds(8),
            }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" or "--hot" or "--provision" or "--licenses" or "--access" or "--persisted" => options,
                "--plan-size" => options with { PlanSize = Math.Max(1, int.Parse(Value())) },
                "--rounds" => options with { Rounds = Math.Max(1, int.Parse(Value())) },
                "--seed" => options with { Seed = int.Parse(Value()) },
                "--items" => options with { Items = Math.Max(1_000, int.Parse(Value())) },
                "--iterations" => options with { Iterations = Math.Max(1, int.Parse(Value())) },
                "--concurrent" => options with { ConcurrentRequests = Math.Max(1, int.Parse(Value())) },
                "--clients" => options with { Clients = Math.Clamp(int.Parse(Value()), 1, 64) },
                "--output" => options with { Output = Value() },
                "--only" => options with { Only = Value() },
                "--help" or "-h" => throw new ArgumentException(Usage),
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'.\n{Usage}"),
            };
        }

        return options;
    }
}
