using LicenseManager.Platform.Gql.Mutations;

namespace LicenseManager.Subscriptions.Contracts;

/// <summary>
/// The mutation error for "this enterprise does not exist" (it has no customer agreement, see
/// <see cref="IEnterpriseDirectory"/>). Shared so that every module's mutations report it as one GraphQL type.
/// </summary>
/// <param name="EnterpriseCustomerId">The enterprise customer's UUID that was given.</param>
public sealed record EnterpriseWithoutAgreementError(Guid EnterpriseCustomerId)
    : MutationError($"The enterprise '{EnterpriseCustomerId}' has no customer agreement.", "ENTERPRISE_NOT_FOUND");
