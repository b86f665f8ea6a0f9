namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// Who may run ad-hoc documents, who may register operations automatically, who may introspect, and how GET
/// hits are cached (configuration section <c>GraphQL:PersistedOperations</c>). Roles are the token's roles
/// (see docs/identity.md); the Platform knows no more about callers than <c>IRequestActor</c> tells it.
/// </summary>
public sealed class PersistedOperationsOptions
{
    public const string SectionName = "GraphQL:PersistedOperations";

    /// <summary>The store (schema <c>platform</c>) exists; off, no id is ever found and nothing needs the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The whole server runs persisted operations only: every ad-hoc document is refused (<c>HC0067</c>).</summary>
    public bool PersistedOnly { get; set; }

    /// <summary>Callers with any of these roles run persisted operations only, whatever <see cref="PersistedOnly"/> says.</summary>
    public string[] PersistedOnlyRoles { get; set; } = ["partner"];

    /// <summary>Automatic persisted queries (hash + text) register new operations at all.</summary>
    public bool AutomaticRegistration { get; set; } = true;

    /// <summary>
    /// Callers with any of these roles register through APQ: the first-party clients (portals' people, our own
    /// services). A caller that also holds a <see cref="PersistedOnlyRoles"/> role never registers.
    /// </summary>
    public string[] RegistrationRoles { get; set; } = ["operator", "enterprise_admin", "learner", "provisioning"];

    /// <summary>Anonymous callers register through APQ too (off: anybody could fill the store).</summary>
    public bool AnonymousRegistration { get; set; }

    /// <summary>Callers with any of these roles may list and register operations through GraphQL.</summary>
    public string[] ManagerRoles { get; set; } = ["operator"];

    /// <summary>Introspection (<c>__schema</c>, <c>__type</c>) is refused to callers with any of these roles.</summary>
    public string[] IntrospectionDeniedRoles { get; set; } = ["partner"];

    /// <summary>Anonymous callers may introspect (tools such as GraphiQL and code generators usually run without a token).</summary>
    public bool AnonymousIntrospection { get; set; } = true;

    /// <summary>
    /// Freshness of a successful GET of a persisted operation: <c>public</c> for anonymous callers,
    /// <c>private</c> (with <c>Vary: Authorization</c>) for callers with a token. Zero turns caching off.
    /// </summary>
    public TimeSpan GetMaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many operation texts (by hash) each instance keeps in memory; misses are never kept.</summary>
    public int CacheSize { get; set; } = 5000;
}
