using System.ComponentModel;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.IntegrationTests.Platform;

public sealed record ProbeNameRefusedError(string Name, [property: ID("Probe")] IReadOnlyList<Guid> ProbeIds)
    : MutationError($"'{Name}' is refused after writing.", "PROBE_NAME_REFUSED");

/// <summary>A test mutation in the short form: a list of ids, a nullable input, and an error returned after writing.</summary>
[Description("Renames probes (test only).")]
[Error<ProbeNameRefusedError>]
public sealed class RenameProbes
{
    public sealed record Input([ID("Probe")] IReadOnlyList<Guid> ProbeIds, string Name, string? Nickname);

    public sealed record Payload(int RenamedCount, [property: ID("Probe")] IReadOnlyList<Guid> ProbeIds);

    public static async Task<MutationResult<Payload>> ResolveAsync(Input input, ProbeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        _ = clock.GetUtcNow(); // any request service can be asked for by type
        var renamed = await db.Probes.Where(p => input.ProbeIds.Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, input.Name).SetProperty(p => p.Nickname, input.Nickname), cancellationToken);

        // Written, then refused: the kernel's transaction must undo the write.
        return input.Name == "refused" ? new ProbeNameRefusedError(input.Name, input.ProbeIds) : new Payload(renamed, input.ProbeIds);
    }
}

/// <summary>The same through a <see cref="LicenseManager.Platform.Data.UnitOfWork"/>: refused after writing, rolled back.</summary>
[Error<ProbeNameRefusedError>]
public sealed class RenameProbesInUnit
{
    public sealed record Input([ID("Probe")] Guid ProbeId, string Name);

    public sealed record Payload(int RenamedCount);

    public static async Task<MutationResult<Payload>> ResolveAsync(Input input, LicenseManager.Platform.Data.UnitOfWork unit, CancellationToken cancellationToken)
    {
        var renamed = await unit.Db<ProbeDbContext>().Probes.Where(p => p.Id == input.ProbeId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, input.Name), cancellationToken);
        return input.Name == "refused" ? new ProbeNameRefusedError(input.Name, [input.ProbeId]) : new Payload(renamed);
    }
}

/// <summary>Refuses synchronously (not an async method): the field error keeps its code.</summary>
public sealed class RefuseProbe
{
    public sealed record Input(string Reason);

    public sealed record Payload(string Reason);

    public static Task<MutationResult<Payload>> ResolveAsync(Input input) =>
        throw new GraphQL.ExecutionError($"Refused: {input.Reason}") { Code = "PROBE_REFUSED" };
}
