// The public surface of the Catalog module: interfaces and records other modules may use.
// Empty until a consumer needs something from Catalog.
namespace LicenseManager.Catalog.Contracts;
