using Microsoft.AspNetCore.Builder;

namespace LicenseManager.Platform.Modules;

/// <summary>
/// A module that owns HTTP middleware or endpoints besides GraphQL (e.g. Identity's OAuth endpoints and
/// login pages). The Host calls <see cref="UseWeb"/> on each enabled one, in module order, before it maps
/// <c>/graphql</c>, so middleware added here runs for GraphQL requests too.
/// </summary>
public interface IWebModule : IModule
{
    void UseWeb(WebApplication app);
}
