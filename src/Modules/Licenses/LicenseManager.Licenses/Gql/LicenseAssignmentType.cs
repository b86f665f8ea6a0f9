using GraphQL.Types;
using LicenseManager.Licenses.Mutations;

namespace LicenseManager.Licenses.Gql;

internal sealed class LicenseAssignmentType : ObjectGraphType<LicenseAssignment>
{
    public LicenseAssignmentType()
    {
        Name = "LicenseAssignment";
        Field(a => a.UserEmail);
        Field(a => a.License, type: typeof(NonNullGraphType<LicenseType>));
    }
}
