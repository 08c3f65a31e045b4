using System.Text.Json;
using System.Text.Json.Serialization;
using GbaSim.Engine.Experiments;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// Checks that a text is a comparison summary as <c>gbasim compare --json</c> writes it: the whole
/// report, every field present and of its type, a baseline, at least one replication, and a
/// variant named in every comparison. Throws <see cref="JsonException"/> saying what is wrong.
/// </summary>
public static class ComparisonSummaryCheck
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static ComparisonReport Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var report = JsonSerializer.Deserialize<ComparisonReport>(json, Strict) ?? throw new JsonException("A comparison summary is a JSON object, not null.");
        if (string.IsNullOrWhiteSpace(report.Baseline))
        {
            throw new JsonException("A comparison summary names its baseline.");
        }
        if (report.Replications < 1)
        {
            throw new JsonException($"A comparison summary has at least one replication; this one says {report.Replications}.");
        }
        if (report.Comparisons.Any(c => string.IsNullOrWhiteSpace(c.Variant) || string.IsNullOrWhiteSpace(c.Metric)))
        {
            throw new JsonException("Every comparison of a summary names its variant and metric.");
        }
        return report;
    }
}
