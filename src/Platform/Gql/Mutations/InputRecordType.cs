using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// An input object derived from a record. Named after the record: a mutation's nested <c>Input</c> record
/// becomes <c>VerbNounInput</c>, another nested record <c>VerbNounItemInput</c>, a top-level record keeps its
/// name (with <c>Input</c> appended when missing). Values stay dictionaries until <see cref="RecordBinder"/>
/// builds the record, so a malformed id can fail the field with a code instead of failing the whole request.
/// </summary>
internal sealed class InputRecordType<TRecord> : InputObjectGraphType
{
    public InputRecordType()
    {
        Name = NameOf(typeof(TRecord));
        foreach (var property in RecordShape.Properties(typeof(TRecord)))
        {
            var field = new FieldType { Name = RecordShape.FieldName(property.Name), Description = RecordShape.Description(property) };
            if (RecordShape.Attribute<FilterInputAttribute>(property) is { } filter)
            {
                // The entity's convention-made filter input, by name: the schema resolves it to the one instance.
                field.ResolvedType = new GraphQLTypeReference(filter.TypeName);
            }
            else
            {
                field.Type = RecordShape.InputGraphType(property);
            }

            AddField(field);
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => value;

    public static string NameOf(Type record)
    {
        var name = record.DeclaringType is { } mutation
            ? mutation.Name + (record.Name == "Input" ? string.Empty : record.Name)
            : record.Name;
        return name.EndsWith("Input", StringComparison.Ordinal) ? name : name + "Input";
    }
}
