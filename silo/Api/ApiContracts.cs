using System.Text.Json;
using System.Text.Json.Serialization;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Contracts.Scenarios;

namespace GbaSim.Silo.Api;

[JsonSerializable(typeof(RunInfo))]
[JsonSerializable(typeof(RunInfo[]))]
[JsonSerializable(typeof(IReadOnlyList<RunInfo>))]
[JsonSerializable(typeof(IReadOnlyList<ScenarioInfo>))]
[JsonSerializable(typeof(IReadOnlyList<ComparisonListing>))]
[JsonSerializable(typeof(MonthEvent))]
[JsonSerializable(typeof(RunResults))]
[JsonSerializable(typeof(ScenarioInfo[]))]
[JsonSerializable(typeof(ValidationInfo))]
[JsonSerializable(typeof(ScenarioErrorInfo[]))]
[JsonSerializable(typeof(IReadOnlyList<ScenarioErrorInfo>))]
[JsonSerializable(typeof(ExperimentRequest))]
[JsonSerializable(typeof(ExperimentInfo))]
[JsonSerializable(typeof(RunTraceInfo))]
[JsonSerializable(typeof(ChainTracesInfo))]
[JsonSerializable(typeof(MetricsInfo))]
[JsonSerializable(typeof(IReadOnlyList<GbaSim.Engine.Figures.Figure>))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class ApiJsonContext : JsonSerializerContext;
