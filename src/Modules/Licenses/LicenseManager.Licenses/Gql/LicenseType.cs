using GraphQL;
using GraphQL.Types;
using LicenseManager.Licenses.Data;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.Licenses.Gql;

internal sealed class LicenseType : NodeObjectType<License>
{
    public const string TypeName = LicenseManager.Licenses.Contracts.LicenseGraphTypes.License;

    public LicenseType(ObjectTypeExtensions extensions)
        : base(TypeName, l => l.Id)
    {
        Description = "One seat of a subscription plan. It has no expired status: validity comes from its plan.";
        Field(l => l.Status, type: typeof(NonNullGraphType<EnumerationGraphType<LicenseStatus>>));
        Field(l => l.UserEmail, nullable: true).Description("Lower-case; null while unassigned and after scrubbing.");
        Field<IdGraphType>("userId").Description("The learner who activated it (a User id).")
            .Resolve(c => c.Source.UserId is { } id ? NodeId.Encode("User", id) : null);
        Field<Platform.Gql.Scalars.UuidType>("activationKey")
            .Description("Visible to the license's admins and its owner only.")
            .Resolve(c => c.CurrentActor().CanManagePlansOf(c.Source.EnterpriseCustomerId) || c.CurrentActor().Owns(c.Source) ? c.Source.ActivationKey : null);
        Field(l => l.AssignedAt, nullable: true);
        Field(l => l.ActivatedAt, nullable: true);
        Field(l => l.LastRemindedAt, nullable: true);
        Field(l => l.RevokedAt, nullable: true);
        Field(l => l.AutoApplied);
        Field<LicenseType>("renewedTo").Description("The copy of this license in the renewed plan.")
            .Resolve(c => LicenseLoaders.ById(c, c.Source.RenewedToId));
        Field<LicenseType>("renewedFrom").Description("The license of the prior plan this one was copied from.")
            .Resolve(c => LicenseLoaders.ById(c, c.Source.RenewedFromId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LicenseEventType>>>>("events")
            .Description("The license's history, oldest first: created (from the license itself), then every stored transition.")
            .Resolve(c => LicenseLoaders.Events(c, c.Source));
        extensions.Apply(this);
    }
}

internal sealed class LicenseEventType : ObjectGraphType<LicenseEvent>
{
    public LicenseEventType()
    {
        Name = "LicenseEvent";
        Description = "One transition of a license: what, who, when, and the status and email before and after.";
        Field(e => e.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<LicenseEventKind>>));
        Field(e => e.Actor).Description("user:<id>, client:<client id>, or system:<job>.");
        Field(e => e.At);
        Field(e => e.StatusBefore, type: typeof(EnumerationGraphType<LicenseStatus>));
        Field(e => e.StatusAfter, type: typeof(NonNullGraphType<EnumerationGraphType<LicenseStatus>>));
        Field(e => e.EmailBefore, nullable: true);
        Field(e => e.EmailAfter, nullable: true);
    }
}
