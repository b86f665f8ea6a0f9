using GraphQLParser;
using LicenseManager.Platform.Gql;

namespace LicenseManager.UnitTests.Platform;

public sealed class DocumentTraitsTests
{
    [Theory]
    [InlineData("query($n: Int) { a(first: $n) { b } }", true)]
    [InlineData("query($n: Int) { a { b(last: $n) { c } } }", true)]
    [InlineData("query($id: ID!) { a(id: $id) { b } }", true)]
    [InlineData("query($n: Int) { ...F } fragment F on Query { a(first: $n) { b } }", true)]
    [InlineData("query($n: Int) { ... on Query { a(first: $n) { b } } }", true)]
    [InlineData("query($w: Int) { a(where: { first: $w }, first: 5) { b } }", false)]
    [InlineData("query($n: Int) { a(first: 5, skip: $n) { b } }", false)]
    [InlineData("query($e: UUID!, $keys: [String!]!) { contentAccess(enterpriseCustomerId: $e, contentKeys: $keys) { contentKey granted } }", false)]
    [InlineData("{ a(first: 50) { b } }", false)]
    public void CostDependsOnVariables_OnlyWhenFirstLastOrIdTakesAVariable(string document, bool expected) =>
        DocumentTraits.CostDependsOnVariables(Parser.Parse(document)).ShouldBe(expected);

    [Theory]
    [InlineData("{ __schema { types { name } } }", true)]
    [InlineData("{ ...F } fragment F on Query { __type(name: \"Query\") { name } }", true)]
    [InlineData("{ __typename a { __typename } }", false)]
    public void SelectsSchemaIntrospection_SchemaAndTypeAnywhere_NotTypename(string document, bool expected) =>
        DocumentTraits.SelectsSchemaIntrospection(Parser.Parse(document)).ShouldBe(expected);
}
