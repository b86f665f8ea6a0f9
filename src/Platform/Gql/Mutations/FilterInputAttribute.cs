namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// Makes an input record's <c>IDictionary&lt;string, object?&gt;?</c> property the <c>{Entity}FilterInput</c> that
/// <c>EntityConventions</c> made for <paramref name="entityName"/> (the very type its connections take as
/// <c>where</c>), so a bulk mutation selects rows exactly like the list does. The resolver receives the parsed
/// filter as the list does and turns it into a predicate with <c>FilterTranslator&lt;T&gt;</c>.
/// The entity's filter input must be in the schema (declared by one of its connection fields).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FilterInputAttribute(string entityName) : Attribute
{
    public string TypeName { get; } = $"{entityName}FilterInput";
}
