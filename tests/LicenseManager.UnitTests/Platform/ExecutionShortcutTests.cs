using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using LicenseManager.Platform.Gql.Execution;

namespace LicenseManager.UnitTests.Platform;

/// <summary>
/// The two execution shortcuts (<see cref="QueryExecutionStrategy"/>'s plain lists and
/// <see cref="PreparedDocumentValidator"/>) must answer exactly what GraphQL.NET answers without them: every
/// case runs a cached document (no validation rules, as GqlRequestExecutor runs a cache hit) through both and
/// compares the JSON byte for byte, and checks whether the shortcut was taken, so a shortcut that silently
/// stops applying fails too.
/// </summary>
public sealed class ExecutionShortcutTests
{
    private static readonly ISchema Schema = BuildSchema();

    public static TheoryData<string, string?, bool> PlainLists => new()
    {
        // document, variables (JSON), whether the plain-list shortcut applies
        { "{ items { name flag count color } }", null, true },
        { "{ items { __typename n: name again: name flag } }", null, true },
        { "{ items { ... on Item { name } flag } }", null, true },
        { "{ nullableItems { name } }", null, true },
        { "{ items { name computed } }", null, false },
        { "{ items { name child { name } } }", null, false },
        { "{ items { ...F } } fragment F on Item { name }", null, false },
        { "query($s: Boolean!) { items { name @skip(if: $s) flag } }", """{"s":true}""", false },
        // Errors the general path reports: the shortcut must step aside, and the answer be the same.
        { "{ items { name missing } }", null, false },
        { "{ items { name broken } }", null, false },
        { "{ strictItemsWithNull { name } }", null, false },
        { "{ foreignItems { name } }", null, false },
    };

    [Theory]
    [MemberData(nameof(PlainLists))]
    public async Task PlainList_AnswersAsGraphQLNet(string document, string? variables, bool shortcut)
    {
        var (expected, actual, result) = await RunBothAsync(document, variables);

        actual.ShouldBe(expected);
        var list = (result.Data as RootExecutionNode)?.SubFields?[0] as ArrayExecutionNode;
        (list?.SerializedResult is PureObjectList).ShouldBe(shortcut, actual);
    }

    public static TheoryData<string, string?, bool> Variables => new()
    {
        // document, variables (JSON), whether the prepared binding applies (GraphQL.NET answers otherwise)
        { "query($keys: [String!]!, $n: Int!) { echo(values: $keys, n: $n) }", """{"keys":["a","b"],"n":2}""", true },
        { "query($keys: [String!]!) { echo(values: $keys) }", """{"keys":"single"}""", true },
        { "query($c: Color!) { echo(values: [\"x\"], color: $c) }", """{"c":"GREEN"}""", true },
        { "query($n: Int) { echo(values: [\"x\"], n: $n) }", """{}""", true },
        { "query($n: Int) { echo(values: [\"x\"], n: $n) }", """{"n":null}""", true },
        { "query($k: String) { echo(values: [\"x\"], required: $k) }", """{"k":"given"}""", true },
        { "query($k: String) { echo(values: [\"x\"], required: $k) }", """{"k":null}""", false },
        { "{ echo(values: [\"lit\"], n: 3) items { name } }", null, true },
        { "query($keys: [String!]!) { ... on Query { echo(values: $keys) } }", """{"keys":["a"]}""", true },
        { "query($keys: [String!]!) { ...E } fragment E on Query { echo(values: $keys) }", """{"keys":["a"]}""", true },
        // Refused values: GraphQL.NET's words.
        { "query($keys: [String!]!) { echo(values: $keys) }", """{}""", false },
        { "query($keys: [String!]!) { echo(values: $keys) }", """{"keys":["a",null]}""", false },
        { "query($n: Int!) { echo(values: [\"x\"], n: $n) }", """{"n":"nope"}""", false },
        { "query($c: Color!) { echo(values: [\"x\"], color: $c) }", """{"c":"BLUE"}""", false },
        // Not handled: defaults, input objects, directives.
        { "query($n: Int = 4) { echo(values: [\"x\"], n: $n) }", """{}""", false },
        { "query($f: Filter!) { echo(values: [\"x\"], filter: $f) }", """{"f":{"prefix":"p"}}""", false },
        { "query($s: Boolean!) { echo(values: [\"x\"]) @include(if: $s) }", """{"s":false}""", false },
    };

    [Theory]
    [MemberData(nameof(Variables))]
    public async Task PreparedVariables_AnswerAsGraphQLNet(string document, string? variables, bool prepared)
    {
        var (expected, actual, _) = await RunBothAsync(document, variables);

        actual.ShouldBe(expected);
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single();
        var bound = PreparedOperation.TryPrepare(Schema, parsed, operation)?.TryBind(Inputs(variables), parsed);
        (bound is not null).ShouldBe(prepared, actual);
    }

    /// <summary>GraphQL.NET alone, then with the shortcuts; each on the second run of a parsed document with no rules.</summary>
    private static async Task<(string Expected, string Actual, ExecutionResult Result)> RunBothAsync(string document, string? variables)
    {
        var plain = new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(new ParallelExecutionStrategy(), GraphQLParser.AST.OperationType.Query)]), []);
        var ours = new DocumentExecuter(new GraphQLDocumentBuilder(), new PreparedDocumentValidator(new DocumentValidator()),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(new QueryExecutionStrategy(), GraphQLParser.AST.OperationType.Query)]), []);
        var plainSerializer = new GraphQLSerializer(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        var ourSerializer = new GraphQLSerializer(o =>
        {
            o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.Converters.Add(new SerializedListConverter());
        });

        var expected = plainSerializer.Serialize(await CachedRunAsync(plain, document, variables));
        var result = await CachedRunAsync(ours, document, variables);
        return (expected, ourSerializer.Serialize(result), result);
    }

    private static async Task<ExecutionResult> CachedRunAsync(IDocumentExecuter executer, string text, string? variables)
    {
        var document = new GraphQLDocumentBuilder().Build(text);
        ExecutionOptions Options(IValidationRule[] rules) => new()
        {
            Schema = Schema,
            Query = text,
            Document = document,
            Variables = Inputs(variables),
            ValidationRules = rules,
            CachedDocumentValidationRules = rules,
        };

        // The first request validates in full (it fills the cache); later ones run no rule.
        await executer.ExecuteAsync(Options([.. DocumentValidator.CoreRules]));
        return await executer.ExecuteAsync(Options([]));
    }

    private static Inputs Inputs(string? json) => json is null ? GraphQL.Inputs.Empty : new GraphQLSerializer().Deserialize<Inputs>(json)!;

    private static ISchema BuildSchema()
    {
        var schema = new Schema { Query = new ShortcutQuery() };
        schema.Initialize();
        return schema;
    }

    internal enum Color
    {
        Red,
        Green,
    }

    internal sealed record Item(string Name, bool Flag, int? Count, Color Color, string? Missing, object Broken, Item? Child);

    internal sealed class ItemType : ObjectGraphType<Item>
    {
        public ItemType()
        {
            Name = "Item";
            Field(x => x.Name);
            Field(x => x.Flag);
            Field(x => x.Count, nullable: true);
            Field(x => x.Color, type: typeof(NonNullGraphType<EnumerationGraphType<Color>>));
            // Declared non-null, but the item has none: a field error and null propagation.
            Field(x => x.Missing, type: typeof(NonNullGraphType<StringGraphType>));
            // An Int field whose value is no number: the scalar refuses it.
            Field(x => x.Broken, type: typeof(IntGraphType));
            Field<StringGraphType>("computed").Resolve(context => context.Source.Name + "!");
            Field(x => x.Child, type: typeof(ItemType));
        }
    }

    internal sealed class FilterType : InputObjectGraphType
    {
        public FilterType()
        {
            Name = "Filter";
            Field<StringGraphType>("prefix");
        }
    }

    internal sealed class ShortcutQuery : ObjectGraphType
    {
        private static readonly Item[] Items =
        [
            new("a", true, 1, Color.Red, null, "x", null),
            new("b", false, null, Color.Green, null, 7, new Item("c", true, 3, Color.Red, null, 0, null)),
        ];

        public ShortcutQuery()
        {
            Name = "Query";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemType>>>>("items").Resolve(_ => Items);
            Field<ListGraphType<ItemType>>("nullableItems").Resolve(_ => new[] { Items[0], null, Items[1] });
            Field<ListGraphType<NonNullGraphType<ItemType>>>("strictItemsWithNull").Resolve(_ => new[] { Items[0], null });
            // An item that is no Item: ObjectGraphType<Item> refuses it (IsTypeOf).
            Field<ListGraphType<ItemType>>("foreignItems").Resolve(_ => new object[] { Items[0], new { Name = "impostor" } });
            Field<ListGraphType<StringGraphType>>("echo")
                .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values")
                .Argument<IntGraphType>("n")
                .Argument<EnumerationGraphType<Color>>("color")
                .Argument<NonNullGraphType<StringGraphType>>("required", configure: a => a.DefaultValue = "default")
                .Argument<FilterType>("filter")
                .Resolve(context => context.GetArgument<List<string>>("values")
                    .Append($"n={context.GetArgument<int?>("n")?.ToString() ?? "null"}")
                    .Append($"color={context.GetArgument<Color?>("color")?.ToString() ?? "null"}")
                    .Append($"required={context.GetArgument<string>("required")}")
                    .Append($"filter={context.GetArgument<Dictionary<string, object?>>("filter")?["prefix"] ?? "null"}"));
        }
    }
}
