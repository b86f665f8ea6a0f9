using GraphQL;
using GraphQL.Types;
using LicenseManager.Licenses.Access;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Licenses.Gql;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.Licenses.Mutations;

internal sealed record ActivateLicenseInput(Guid ActivationKey);

internal sealed record ActivateLicensePayload(License? License, IReadOnlyList<MutationError>? Errors = null) : IMutationPayload;

internal sealed class ActivateLicenseInputType : MutationInputType<ActivateLicenseInput>
{
    public ActivateLicenseInputType()
        : base(ActivateLicense.Name) => Field(i => i.ActivationKey);
}

internal sealed class ActivateLicenseErrorType() : ErrorUnionType(
    ActivateLicense.Name, typeof(EmailNotVerifiedErrorType), typeof(ActivationKeyNotFoundErrorType), typeof(LicenseRevokedErrorType));

internal sealed class ActivateLicensePayloadType : PayloadType<ActivateLicensePayload, ActivateLicenseErrorType>
{
    public ActivateLicensePayloadType()
        : base(ActivateLicense.Name) => Field(p => p.License, type: typeof(LicenseType));
}

/// <summary>
/// The key must belong to the caller's verified email and to a plan that is active and current (a renewed
/// license shares its key with its copy: the one whose plan is in effect is meant). Idempotent.
/// </summary>
internal static class ActivateLicense
{
    public const string Name = "activateLicense";

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

    public static async Task<IMutationPayload> ResolveAsync(IResolveFieldContext context, ActivateLicenseInput input, CancellationToken cancellationToken)
    {
        var actor = context.CurrentActor();
        var email = actor.VerifiedEmail();
        if (email is null || actor!.UserId is not { } userId)
        {
            return new ActivateLicensePayload(null, [new EmailNotVerifiedError()]);
        }

        var services = context.RequestServices!;
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
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

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plans = await services.GetRequiredService<IPlanTerms>().GetManyAsync(candidates.Select(c => c.SubscriptionPlanId).ToList(), cancellationToken);
        var license = candidates.FirstOrDefault(c => plans.TryGetValue(c.SubscriptionPlanId, out var p) && p.IsInEffect(now));
        if (license is null)
        {
            return new ActivateLicensePayload(null, [new ActivationKeyNotFoundError(email, input.ActivationKey)]);
        }

        if (license.Status == LicenseStatus.Revoked)
        {
            return new ActivateLicensePayload(null, [new LicenseRevokedError()]);
        }

        if (license.Status == LicenseStatus.Activated)
        {
            return new ActivateLicensePayload(license);
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
                return new ActivateLicensePayload(LearnerLicenses.Read(reader));
            }
        }

        // Changed meanwhile (activated by a concurrent call, or revoked): answer from its current state.
        return await ResolveAsync(context, input, cancellationToken);
    }
}
