using LicenseManager.IntegrationTests.Identity;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Authorization;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>The kinds of callers the tenant-isolation matrix runs.</summary>
public enum Caller
{
    Anonymous,
    Operator,
    OperatorService,
    AdminOfOwn,
    LearnerOfOwn,
    AdminOfOther,
    UserWithoutMembership,
    PartnerOfOwn,
    Provisioning,
}

/// <summary>Which enterprise's object a probe touches: the callers' own, another one, or an id that names nothing.</summary>
public enum Target
{
    Own,
    Other,
    None,
}

/// <summary>What a probe observed.</summary>
public enum Outcome
{
    /// <summary>The object was returned / the change was made.</summary>
    Seen,

    /// <summary>Null, absent from the list, or "not found": indistinguishable from an unknown id.</summary>
    Hidden,

    /// <summary>The field failed with <c>AUTH_NOT_AUTHENTICATED</c> (anonymous) or <c>AUTH_NOT_AUTHORIZED</c>.</summary>
    Refused,
}

/// <summary>
/// Runs the tenant-isolation matrix (each kind of caller × own enterprise / another / none) over one field
/// and reports every cell that differs from the expectation in one failure. The expectation is the tenant
/// rule as specified (docs/domain.md "Who may do what"), written here independently of its implementation,
/// combined with the field's role requirement:
/// <code>
/// await IsolationMatrix.RunAsync(fixture.Matrix, TenantAccess.Read, allowed: [Caller.Operator, …], onRoleRefused: Outcome.Hidden,
///     probe: async (client, target) => …);
/// </code>
/// A module's fixture derives from <see cref="IsolationFixture{TFactory}"/> and seeds one object in <c>Own</c> and one in <c>Other</c>.
/// </summary>
public static class IsolationMatrix
{
    public static readonly IReadOnlyList<Caller> AllCallers = Enum.GetValues<Caller>();

    /// <summary>The specification: which of (own, other) each caller may read.</summary>
    public static bool MayRead(Caller caller, Target target) => target switch
    {
        Target.None => false,
        _ => caller switch
        {
            Caller.Operator or Caller.OperatorService => true,
            Caller.AdminOfOwn or Caller.LearnerOfOwn or Caller.PartnerOfOwn => target == Target.Own,
            _ => false,
        },
    };

    /// <summary>The specification: which of (own, other) each caller may administer.</summary>
    public static bool MayAdminister(Caller caller, Target target) => target switch
    {
        Target.None => false,
        _ => caller switch
        {
            Caller.Operator or Caller.OperatorService => true,
            Caller.AdminOfOwn => target == Target.Own,
            _ => false,
        },
    };

    /// <param name="clients">One client per caller (from <see cref="IsolationFixture{TFactory}"/>).</param>
    /// <param name="access">Whether the field reads or changes the enterprise's data.</param>
    /// <param name="allowed">The callers the field's role requirement lets through.</param>
    /// <param name="onRoleRefused">What the others observe: <see cref="Outcome.Refused"/> for fields with a requirement, <see cref="Outcome.Hidden"/> for <c>node</c>/<c>nodes</c>.</param>
    /// <param name="probe">Calls the field as the client on the target's object and says what it observed.</param>
    /// <param name="unscoped">
    /// Allowed callers whose access to this field is not tenant-scoped (the provisioning service on the fields it is
    /// let through: the tenant rule gives it no enterprise, its role gives it every one): they see Own and Other.
    /// </param>
    public static async Task RunAsync(
        IReadOnlyDictionary<Caller, GqlClient> clients,
        TenantAccess access,
        IReadOnlyCollection<Caller> allowed,
        Outcome onRoleRefused,
        Func<GqlClient, Target, Task<Outcome>> probe,
        IReadOnlyCollection<Caller>? unscoped = null)
    {
        var mismatches = new List<string>();
        foreach (var caller in AllCallers)
        {
            foreach (var target in Enum.GetValues<Target>())
            {
                var expected = !allowed.Contains(caller) ? onRoleRefused
                    : unscoped?.Contains(caller) == true ? (target == Target.None ? Outcome.Hidden : Outcome.Seen)
                    : (access == TenantAccess.Read ? MayRead(caller, target) : MayAdminister(caller, target)) ? Outcome.Seen
                    : Outcome.Hidden;
                var actual = await probe(clients[caller], target);
                if (actual != expected)
                {
                    mismatches.Add($"{caller} × {target}: expected {expected}, got {actual}");
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("; ", mismatches));
    }

    /// <summary>Reads a response as an outcome: an auth error code is <see cref="Outcome.Refused"/> (checking which code fits the caller).</summary>
    public static Outcome Classify(GqlResponse response, Caller caller, Func<GqlResponse, bool> seen)
    {
        if (response.FirstErrorCode is { } code && code.StartsWith("AUTH_", StringComparison.Ordinal))
        {
            code.ShouldBe(caller == Caller.Anonymous ? "AUTH_NOT_AUTHENTICATED" : "AUTH_NOT_AUTHORIZED", response.Raw);
            return Outcome.Refused;
        }

        response.Errors.ShouldBeNull(response.Raw);
        return seen(response) ? Outcome.Seen : Outcome.Hidden;
    }
}

/// <summary>
/// A class fixture with one signed-in client per <see cref="Caller"/> and two enterprises; derive and seed
/// your module's objects in <see cref="SeedAsync"/> (as the operator).
/// </summary>
public abstract class IsolationFixture<TFactory> : IAsyncLifetime
    where TFactory : IdentityAppFactory, new()
{
    public TFactory Factory { get; } = new();

    public Guid Own { get; } = Guid.NewGuid();

    public Guid Other { get; } = Guid.NewGuid();

    public Dictionary<Caller, GqlClient> Clients { get; } = [];

    /// <summary>The client as a caller kind, reversed: which caller a client is (for <see cref="IsolationMatrix.Classify"/>).</summary>
    public Caller CallerOf(GqlClient client) => Clients.Single(c => ReferenceEquals(c.Value, client)).Key;

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        var @operator = await Factory.UserAsync(IdentityRoles.Operator);
        Clients[Caller.Anonymous] = Factory.CreateGqlClient();
        Clients[Caller.Operator] = @operator;
        Clients[Caller.OperatorService] = await Factory.ServiceAsync(IdentityRoles.Operator);
        Clients[Caller.AdminOfOwn] = await Factory.UserAsync(IdentityRoles.EnterpriseAdmin, Own);
        Clients[Caller.LearnerOfOwn] = await Factory.UserAsync(IdentityRoles.Learner, Own);
        Clients[Caller.AdminOfOther] = await Factory.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
        Clients[Caller.UserWithoutMembership] = await SignedUpAsync();
        Clients[Caller.PartnerOfOwn] = await Factory.ServiceAsync(IdentityRoles.Partner, Own);
        Clients[Caller.Provisioning] = await Factory.ServiceAsync(IdentityRoles.Provisioning);
        await SeedAsync(@operator);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    protected abstract Task SeedAsync(GqlClient @operator);

    /// <summary>A self-service account: signed up on the login page, verified, member of nothing.</summary>
    private async Task<GqlClient> SignedUpAsync()
    {
        var email = $"signup-{Guid.NewGuid():N}@example.com";
        var browser = new BrowserSession(Factory.Browser());
        using var signedUp = await browser.SubmitAsync("/account/signup", new() { ["email"] = email, ["password"] = TestUsers.Password });
        using var verified = await browser.GetAsync(Factory.Mail.LinkTo(email));
        verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        return await Factory.SignedInAsync(email);
    }
}
