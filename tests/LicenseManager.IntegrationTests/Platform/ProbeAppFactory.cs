using GraphQL.Types;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.IntegrationTests.Platform;

/// <summary>
/// The real Host plus test-only <c>probes</c>/<c>probesSmall</c> connections over the <see cref="Probe"/>
/// table (created and seeded here), so the conventions are exercised on every scalar kind.
/// </summary>
public sealed class ProbeAppFactory : AppFactory
{
    public SqlLog Sql { get; } = new();

    public QueryCompilations Compilations { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ProbeDbContext>((sp, options) =>
            ModuleDbContexts.Configure(options, sp.GetRequiredService<NpgsqlDataSource>(), ProbeDbContext.Schema).AddInterceptors(Sql, Compilations));
        // Known to UnitOfWork like a module's context; its tables are created below, not migrated.
        services.AddSingleton(new ModuleMigration(ProbeDbContext.Schema, typeof(ProbeDbContext), (_, _) => Task.CompletedTask));
        services.AddQueryExtension<ProbeQueries>();
        services.AddMutationExtension<ProbeMutations>();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await CreateDbContextAsync();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        db.Probes.AddRange(ProbeDbContext.Seed());
        await db.SaveChangesAsync();
    }

    public Task<ProbeDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();

    internal sealed class ProbeQueries(GqlTypes types) : QueryExtension
    {
        private static readonly EntityConventions<Probe> Conventions = new EntityConventions<Probe>("Probe", p => p.Id)
            .FilterAndSort("name", p => p.Name)
            .FilterAndSort("nickname", p => p.Nickname, index: ProbeDbContext.NicknameIndex)
            .FilterAndSort("rank", p => p.Rank, index: ProbeDbContext.RankIndex)
            .FilterAndSort("size", p => p.Size)
            .FilterAndSort("seenAt", p => p.SeenAt, index: ProbeDbContext.SeenAtIndex)
            .FilterAndSort("day", p => p.Day)
            .FilterAndSort("active", p => p.Active)
            .FilterAndSort("kind", p => p.Kind)
            .FilterAndSort("ref", p => p.Ref)
            .FilterAndSort("group", p => p.Group)
            // Case-insensitive by declaration: substring operations as ILIKE (trigram index), equality lower-cased.
            .Filter("nicknameCi", p => p.Nickname)
            .IgnoreCase("nicknameCi")
            .Filter("nameCi", p => p.Name)
            .IgnoreCase("nameCi", storedLowerCase: true);

        public const int CounterSentinel = 1_000_000;

        public static EntityConventions<Probe> Declared => Conventions;

        public override void Configure(ObjectGraphType query)
        {
            query.Connection<ProbeType, Probe, ProbeDbContext>(types, "probes", Conventions, (_, db) => db.Probes.AsNoTracking());
            query.Connection<ProbeType, Probe, ProbeDbContext>(
                types, "probesSmall", Conventions, (_, db) => db.Probes.AsNoTracking(), new PagingOptions(DefaultPageSize: 2, MaxPageSize: 5));
            // totalCount from a "maintained counter" when unfiltered (a sentinel, so a test sees which answered).
            query.Connection<ProbeType, Probe, ProbeDbContext>(
                types, "probesCounted", Conventions, (_, db) => db.Probes.AsNoTracking(),
                totalCount: TotalCount.WhenUnfiltered<ProbeDbContext>((_, _, _) => Task.FromResult(CounterSentinel)));
        }
    }

    private sealed class ProbeMutations : MutationExtension
    {
        public override void Configure(ObjectGraphType mutation)
        {
            mutation.Mutation<RenameProbes>();
            mutation.Mutation<RenameProbesInUnit>();
            mutation.Mutation<RefuseProbe>();
        }
    }

    private sealed class ProbeType : NodeObjectType<Probe>
    {
        public ProbeType()
            : base("Probe", p => p.Id)
        {
            Field(p => p.Name);
            Field(p => p.Nickname, nullable: true);
            Field(p => p.Rank, nullable: true);
            Field(p => p.Size);
            Field(p => p.SeenAt, nullable: true);
            Field(p => p.Day, nullable: true);
            Field(p => p.Active, nullable: true);
            Field(p => p.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<ProbeKind>>));
            Field(p => p.Ref, nullable: true);
            Field(p => p.Group);
        }
    }
}
