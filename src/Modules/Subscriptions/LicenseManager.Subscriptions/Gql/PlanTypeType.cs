using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Data;

namespace LicenseManager.Subscriptions.Gql;

internal sealed class PlanTypeType : NodeObjectType<PlanType>
{
    public const string TypeName = "PlanType";

    public PlanTypeType()
        : base(TypeName, t => t.Id)
    {
        Field(t => t.Label);
        Field(t => t.Description);
        Field(t => t.IsPaidSubscription);
        Field(t => t.SalesforceIdRequired).Description("Plans of this type need a Salesforce opportunity line item.");
        Field(t => t.InternalUseOnly);
    }
}
