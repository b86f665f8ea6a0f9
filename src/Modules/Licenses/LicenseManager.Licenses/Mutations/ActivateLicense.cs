using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Contracts;
using Npgsql;

namespace LicenseManager.Licenses.Mutations;

using License = LicenseManager.Licenses.Data.License;

/// <summary>
/// The key must belong to the caller's verified email and to a plan that is active and current (a renewed
/// license shares its key with its copy: the one whose plan is in effect is meant). Idempotent.
/// </summary>
[Description("Activates the caller's license with its activation key (from the assignment email). Idempotent.")]
[Error<EmailNotVerifiedError>, Error<ActivationKeyNotFoundError>, Error<LicenseRevokedError>]
internal sealed class ActivateLicense
{
    public sealed record Input(Guid ActivationKey);

    public sealed record Payload(License License);

    private const string ActivateSql = $"""
        WITH activated AS (
            UPDATE licenses.licenses SET status = 2, activated_at = @now, user_id = @user
            WHERE id = @id AND status = 1
            RETURNING {LearnerLicenses.Columns}
        ), history AS (
            INSERT INTO licenses.license_events (license_id, plan_id, enterprise_customer_id, kind, actor, at, status_before, status_after, email_before, email_after)
            SELECT id, plan_id, enterprise_customer_id, 3, @actor, @now, 1, 2, user_email, user_email FROM activated
        ), mail AS (
            INSERT INTO licenses.outbox (kind, enterprise_customer_id, plan_id, license_id, recipient, payload, created_at, attempts)
            SELECT 'license-activated', enterprise_customer_id, plan_id, id, user_email, jsonb_build_object(), @now, 0 FROM activated WHERE @notify
        )
        SELECT {LearnerLicenses.Columns} FROM activated
        """;

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, ICurrentActor actor, IPlanTerms planTerms, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = actor.VerifiedEmail();
        if (email is null || actor.UserId is not { } userId)
        {
            return new EmailNotVerifiedError();
        }

        var candidates = new List<License>();
        await using (var find = dataSource.CreateCommand(
            $"SELECT {LearnerLicenses.Columns} FROM licenses.licenses WHERE activation_key = @key AND user_email = @email"))
        {
            find.Parameters.AddWithValue("key", input.ActivationKey);
            find.Parameters.AddWithValue("email", email);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(LearnerLicenses.Read(reader));
            }
        }

        var now = clock.GetUtcNow();
        var plans = await planTerms.GetManyAsync(candidates.Select(c => c.SubscriptionPlanId).ToList(), cancellationToken);
        var license = candidates.FirstOrDefault(c => plans.TryGetValue(c.SubscriptionPlanId, out var p) && p.IsInEffect(now));
        if (license is null)
        {
            return new ActivationKeyNotFoundError(email, input.ActivationKey);
        }

        if (license.Status == LicenseStatus.Revoked)
        {
            return new LicenseRevokedError();
        }

        if (license.Status == LicenseStatus.Activated)
        {
            return new Payload(license);
        }

        await using var activate = dataSource.CreateCommand(ActivateSql);
        activate.Parameters.AddWithValue("id", license.Id);
        activate.Parameters.AddWithValue("user", userId);
        activate.Parameters.AddWithValue("now", now);
        activate.Parameters.AddWithValue("actor", Actors.Describe(actor));
        activate.Parameters.AddWithValue("notify", !plans[license.SubscriptionPlanId].DisableOnboardingNotifications);
        await using (var reader = await activate.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                return new Payload(LearnerLicenses.Read(reader));
            }
        }

        // Changed meanwhile (activated by a concurrent call, or revoked): answer from its current state.
        return await ResolveAsync(input, actor, planTerms, dataSource, clock, cancellationToken);
    }
}
