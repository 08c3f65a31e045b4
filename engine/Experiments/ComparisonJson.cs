using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbaSim.Engine.Experiments;

/// <summary>A comparison's summary as JSON: what <c>gbasim compare --json</c> prints and the silo's comparison archive keeps.</summary>
public static class ComparisonJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(ComparisonReport report) => JsonSerializer.Serialize(report, Options);
}
