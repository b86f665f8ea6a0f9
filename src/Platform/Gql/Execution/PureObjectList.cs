using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>
/// A completed list of objects (<see cref="PureSelection.TryComplete"/>): the serialized values, item by item in
/// selection order. GraphQL.NET hands it to the JSON writer as the list's serialized result; it writes what the
/// general path writes for the same nodes. Enumerating it gives one dictionary per item, as
/// <c>ExecutionNode.ToValue()</c> would.
/// </summary>
internal sealed class PureObjectList(PureSelection selection, IList items, object?[] values) : IEnumerable<Dictionary<string, object?>?>
{
    public PureSelection Selection { get; } = selection;

    public int Count => items.Count;

    public bool IsNull(int item) => items[item] is null;

    public object? Value(int item, int field) => values[item * Selection.Fields.Count + field];

    public IEnumerator<Dictionary<string, object?>?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            if (IsNull(i))
            {
                yield return null;
                continue;
            }

            var item = new Dictionary<string, object?>(Selection.Fields.Count);
            for (var f = 0; f < Selection.Fields.Count; f++)
            {
                item[Selection.Fields[f].ResponseName] = Value(i, f);
            }

            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Writes a list's serialized result. GraphQL.NET serializes it as declared, <see cref="IEnumerable"/>, so a
/// converter on <see cref="PureObjectList"/> itself would never be asked: System.Text.Json would enumerate it
/// as dictionaries. Any other list (a list of scalars) is written item by item, as System.Text.Json does.
/// </summary>
internal sealed class SerializedListConverter : JsonConverter<IEnumerable>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(IEnumerable);

    public override IEnumerable? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<object?>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, IEnumerable value, JsonSerializerOptions options)
    {
        if (value is PureObjectList pure)
        {
            Write(writer, pure, options);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, PureObjectList value, JsonSerializerOptions options)
    {
        var fields = value.Selection.Fields;
        // GraphQL.NET's writer applies the naming policy to response names; so does this one.
        var names = new string[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            names[f] = options.PropertyNamingPolicy?.ConvertName(fields[f].ResponseName) ?? fields[f].ResponseName;
        }

        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            if (value.IsNull(i))
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            for (var f = 0; f < fields.Count; f++)
            {
                writer.WritePropertyName(names[f]);
                switch (value.Value(i, f))
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case var other:
                        // What GraphQL.NET does for a value node.
                        JsonSerializer.Serialize(writer, other, options);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
