using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Licenses.Lifecycle;
using LicenseManager.Platform.Data;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.Licenses.Mutations;

using License = LicenseManager.Licenses.Data.License;

/// <summary>
/// The agreement's auto-apply plan: active, current, latest start wins. Idempotent per learner. Only the
/// enterprise's learners and admins may ask (others are refused, like the reference's 403); whether the enterprise
/// exists at all (has an agreement) is asked only when no plan answers, so the usual call costs no extra query.
/// </summary>
[Description("Gives the caller an activated license of the enterprise's auto-apply plan, or returns the one they hold.")]
[Error<EmailNotVerifiedError>, Error<EnterpriseWithoutAgreementError>, Error<NoAutoApplyPlanError>, Error<NotEligibleForAutoApplyError>, Error<NoLicensesRemainingError>]
internal sealed class AutoApplyLicense
{
    public sealed record Input(Guid EnterpriseCustomerId);

    public sealed record Payload(License License);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input,
        ICurrentActor actor,
        IPlanTerms planTerms,
        IEnterpriseDirectory enterprises,
        UnitOfWorkFactory units,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (actor.VerifiedEmail() is not { } email || actor.UserId is not { } userId)
        {
            return new EmailNotVerifiedError();
        }

        var enterprise = input.EnterpriseCustomerId;
        if (!actor.LearnerOfEnterprises.Contains(enterprise) && !actor.AdminOfEnterprises.Contains(enterprise))
        {
            throw AuthErrors.NotAuthorized();
        }

        var now = clock.GetUtcNow();
        var plan = (await planTerms.ForEnterpriseAsync(enterprise, cancellationToken))
            .Where(p => p.ShouldAutoApplyLicenses && p.IsInEffect(now))
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.PlanId)
            .FirstOrDefault();
        if (plan is null)
        {
            return await enterprises.ExistsAsync(enterprise, cancellationToken)
                ? new NoAutoApplyPlanError()
                : new EnterpriseWithoutAgreementError(enterprise);
        }

        var (outcome, license) = await AutoApply.RunAsync(
            units, plan, userId, email, !plan.DisableOnboardingNotifications, Actors.Describe(actor), now, cancellationToken);
        return outcome switch
        {
            AutoApply.Outcome.Revoked => new NotEligibleForAutoApplyError(),
            AutoApply.Outcome.NoneLeft => new NoLicensesRemainingError(),
            _ => new Payload(license!),
        };
    }
}
