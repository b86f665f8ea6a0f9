// The public surface of the Licenses module: interfaces and records other modules may use.
// Empty until a consumer needs something from Licenses.
namespace LicenseManager.Licenses.Contracts;
