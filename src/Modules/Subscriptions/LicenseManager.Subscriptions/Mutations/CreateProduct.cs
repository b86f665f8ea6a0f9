using System.ComponentModel;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;
using LicenseManager.Subscriptions.Domain;
using LicenseManager.Subscriptions.Gql;
using Microsoft.EntityFrameworkCore;

namespace LicenseManager.Subscriptions.Mutations;

[Description("Adds a product (what was sold); its plan type decides which ids its plans need.")]
[Error<InvalidFieldError>, Error<PlanTypeNotFoundError>, Error<DuplicateProductNameError>]
internal sealed class CreateProduct
{
    public sealed record Input(string Name, string? Description, [ID(PlanTypeType.TypeName)] Guid PlanTypeId, string? SalesforceProductId);

    public sealed record Payload(Product Product);

    public static async Task<MutationResult<Payload>> ResolveAsync(
        Input input, SubscriptionsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > Product.MaxNameLength)
        {
            return new InvalidFieldError("name", $"1 to {Product.MaxNameLength} characters.");
        }

        if (input.Description is { Length: > Product.MaxDescriptionLength })
        {
            return new InvalidFieldError("description", $"at most {Product.MaxDescriptionLength} characters.");
        }

        if (input.SalesforceProductId is { } salesforce && salesforce.Length != SubscriptionPlan.SalesforceIdLength)
        {
            return new InvalidFieldError("salesforceProductId", $"exactly {SubscriptionPlan.SalesforceIdLength} characters.");
        }

        if (!await db.PlanTypes.AnyAsync(t => t.Id == input.PlanTypeId, cancellationToken))
        {
            return new PlanTypeNotFoundError(NodeId.Encode(PlanTypeType.TypeName, input.PlanTypeId));
        }

        var now = clock.GetUtcNow();
        var product = new Product { Name = name, Description = input.Description, PlanTypeId = input.PlanTypeId, SalesforceProductId = input.SalesforceProductId, CreatedAt = now };
        db.Products.Add(product);
        ChangeLog.Record(db, product, product.Id, null, ChangeKind.Created, SubscriptionAccess.ActorName(actor), now);
        return await UniqueViolations.SaveAsync(db, cancellationToken) is null ? new Payload(product) : new DuplicateProductNameError(name);
    }
}
