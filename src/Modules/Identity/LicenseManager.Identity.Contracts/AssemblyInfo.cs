// The public surface of the Identity module: interfaces and records other modules may use.
// Empty until a consumer needs something from Identity.
namespace LicenseManager.Identity.Contracts;
