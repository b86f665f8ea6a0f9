using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.IntegrationTests.Platform;

/// <summary>A test-only entity with one field of every filterable kind, nullable where null semantics matter.</summary>
public sealed class Probe
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    public string? Nickname { get; init; }

    public int? Rank { get; init; }

    public long Size { get; init; }

    public DateTimeOffset? SeenAt { get; init; }

    public DateOnly? Day { get; init; }

    public bool? Active { get; init; }

    public ProbeKind Kind { get; init; }

    public Guid? Ref { get; init; }

    public string Group { get; init; } = "a";
}

public enum ProbeKind
{
    Red,
    Green,
    Blue,
}

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public const string Schema = "probe";
    public const string RankIndex = "ix_probes_group_rank_id";
    public const string NicknameIndex = "ix_probes_group_nickname_id";
    public const string SeenAtIndex = "ix_probes_group_seen_at_id";
    public const string NicknameTrigramIndex = "ix_probes_nickname_trgm";

    public DbSet<Probe> Probes => Set<Probe>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasTrigramSearch();
        // What a module declares for a big table: one (prefix, key, id) index per sortable key, a trigram index
        // for the case-insensitive substring filter.
        modelBuilder.Entity<Probe>(probe =>
        {
            probe.HasIndex(p => new { p.Group, p.Rank, p.Id }).HasDatabaseName(RankIndex);
            probe.HasIndex(p => new { p.Group, p.Nickname, p.Id }).HasDatabaseName(NicknameIndex);
            probe.HasIndex(p => new { p.Group, p.SeenAt, p.Id }).HasDatabaseName(SeenAtIndex);
            probe.HasIndex(p => p.Nickname).UsesTrigrams().HasDatabaseName(NicknameTrigramIndex);
        });
    }

    public static Guid Ref(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");

    public static Probe[] Seed() =>
    [
        new() { Name = "alpha", Nickname = "Al", Rank = 1, Size = 10, SeenAt = At("2024-01-01T00:00:00Z"), Day = new(2024, 1, 1), Active = true, Kind = ProbeKind.Red, Ref = Ref(1), Group = "a" },
        new() { Name = "bravo", Rank = 2, Size = 20, SeenAt = At("2024-02-01T00:00:00Z"), Day = new(2024, 2, 1), Active = false, Kind = ProbeKind.Green, Group = "a" },
        new() { Name = "charlie", Nickname = "Chuck", Size = 30, Kind = ProbeKind.Blue, Ref = Ref(2), Group = "b" },
        new() { Name = "delta", Nickname = "Dee", Rank = 4, Size = 40, SeenAt = At("2024-04-01T00:00:00Z"), Day = new(2024, 4, 1), Active = true, Kind = ProbeKind.Red, Ref = Ref(1), Group = "b" },
        new() { Name = "echo", Nickname = "Eko", Rank = 5, Size = 50_000_000_000, SeenAt = At("2024-05-01T00:00:00Z"), Day = new(2024, 5, 1), Active = false, Kind = ProbeKind.Green, Group = "c" },
        new() { Name = "foxtrot", Size = 60, SeenAt = At("2024-06-01T12:30:00.123Z"), Day = new(2024, 6, 1), Kind = ProbeKind.Blue, Ref = Ref(3), Group = "c" },
    ];

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
