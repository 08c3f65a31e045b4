using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbaSim.Silo.Experiments;

[JsonSerializable(typeof(ComparisonRequest))]
[JsonSerializable(typeof(ComparisonJob))]
[JsonSerializable(typeof(IReadOnlyList<ComparisonJob>))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class ComparisonJsonContext : JsonSerializerContext;
