using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class ProductType : NodeObjectType<Product>
{
    public const string TypeName = "Product";

    public ProductType()
        : base(TypeName, p => p.Id)
    {
        Field(p => p.Name);
        Field(p => p.Description, nullable: true);
        Field(p => p.SalesforceProductId, nullable: true);
        Field<GraphQL.Types.NonNullGraphType<PlanTypeType>>("planType")
            .Resolve(context => SubscriptionLoaders.ById(context, context.Source.PlanTypeId, (db, ids) => db.PlanTypes.Where(t => ids.Contains(t.Id)), t => t.Id));
    }
}
