// The public surface of the Subscriptions module: interfaces and records other modules may use.
// Empty until a consumer needs something from Subscriptions.
namespace LicenseManager.Subscriptions.Contracts;
