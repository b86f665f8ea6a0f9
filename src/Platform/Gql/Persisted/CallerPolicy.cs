using LicenseManager.Platform.Gql.Authorization;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>What <see cref="PersistedOperationsOptions"/> allows one caller, decided from the token's roles.</summary>
public sealed record CallerPolicy(bool PersistedOnly, bool MayRegister, bool MayIntrospect, bool IsAnonymous)
{
    public static CallerPolicy For(IRequestActor actor, PersistedOperationsOptions options)
    {
        var persistedOnly = options.PersistedOnly || options.PersistedOnlyRoles.Any(actor.IsInRole);
        var mayRegister = options.AutomaticRegistration && !persistedOnly &&
                          (actor.IsAuthenticated ? options.RegistrationRoles.Any(actor.IsInRole) : options.AnonymousRegistration);
        var mayIntrospect = actor.IsAuthenticated
            ? !options.IntrospectionDeniedRoles.Any(actor.IsInRole)
            : options.AnonymousIntrospection;
        return new CallerPolicy(persistedOnly, mayRegister, mayIntrospect, !actor.IsAuthenticated);
    }
}
