using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>Small builders for JSON Schema (draft 2020-12) nodes, so the generators read like the formats they describe.</summary>
internal static class Schema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>A mapping with exactly these keys (unknown keys are errors, as in the loaders).</summary>
    public static JsonObject Object(string description, JsonObject properties, params string[] required)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        if (required.Length > 0)
        {
            schema["required"] = Strings(required);
        }
        return schema;
    }

    public static JsonObject Text(string description, string? pattern = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }
        return schema;
    }

    /// <summary>A number; <paramref name="minimumOpen"/> and <paramref name="maximumOpen"/> make a bound exclusive.</summary>
    public static JsonObject Number(string description, double? minimum = null, double? maximum = null, double? @default = null,
        bool minimumOpen = false, bool maximumOpen = false, bool whole = false)
    {
        var schema = new JsonObject { ["type"] = whole ? "integer" : "number", ["description"] = description };
        if (minimum is { } min)
        {
            schema[minimumOpen ? "exclusiveMinimum" : "minimum"] = Value(min);
        }
        if (maximum is { } max)
        {
            schema[maximumOpen ? "exclusiveMaximum" : "maximum"] = Value(max);
        }
        if (@default is { } value)
        {
            schema["default"] = Value(value);
        }
        return schema;
    }

    public static JsonObject Whole(string description, double? minimum = null, double? maximum = null, double? @default = null) =>
        Number(description, minimum, maximum, @default, whole: true);

    public static JsonObject Enum(string description, IEnumerable<string> values, IEnumerable<string>? descriptions = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description, ["enum"] = Strings(values) };
        if (descriptions is not null)
        {
            // Not a validation keyword: editors (VS Code's YAML and JSON support) show these beside completions.
            schema["enumDescriptions"] = Strings(descriptions);
        }
        return schema;
    }

    public static JsonObject List(string description, JsonNode items, int? minItems = null, int? maxItems = null, bool unique = false)
    {
        var schema = new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = items };
        if (minItems is { } min)
        {
            schema["minItems"] = min;
        }
        if (maxItems is { } max)
        {
            schema["maxItems"] = max;
        }
        if (unique)
        {
            schema["uniqueItems"] = true;
        }
        return schema;
    }

    public static JsonObject Ref(string definition, string? description = null)
    {
        var schema = new JsonObject { ["$ref"] = $"#/$defs/{definition}" };
        if (description is not null)
        {
            schema["description"] = description;
        }
        return schema;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    /// <summary>Whole numbers are written without a decimal point, so 1e10 reads 10000000000.</summary>
    private static JsonNode Value(double value) => value == Math.Floor(value) && Math.Abs(value) < 1e15
        ? JsonValue.Create((long)value)
        : JsonValue.Create(value);

    /// <summary>The schema as committed: two-space indents, '\n' line ends, a final newline.</summary>
    public static string Write(JsonObject schema) => schema.ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n";
}
