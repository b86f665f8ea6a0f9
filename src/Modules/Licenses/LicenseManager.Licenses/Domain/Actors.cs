using LicenseManager.Identity.Contracts;

namespace LicenseManager.Licenses.Domain;

/// <summary>How history names who caused a change: the user id, else the service client id.</summary>
internal static class Actors
{
    public static string Describe(ICurrentActor? actor) =>
        actor?.UserId is { } user ? $"user:{user:N}"
        : actor?.ClientId is { } client ? $"client:{client}"
        : "anonymous";
}
