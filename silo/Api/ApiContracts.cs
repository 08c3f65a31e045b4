using System.Text.Json;
using System.Text.Json.Serialization;
using GbaSim.Silo.Storage;

namespace GbaSim.Silo.Api;

/// <summary>A run as the API shows it.</summary>
public sealed record RunInfo(
    string Id,
    string Scenario,
    string? Description,
    string Status,
    string Seed,
    double Scale,
    int Months,
    int MonthsDone,
    int Threads,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? ResultHash,
    double? Seconds,
    string? Error,
    IReadOnlyDictionary<string, double>? Summary)
{
    public static RunInfo From(RunRecord run) => new(
        run.Id,
        run.Scenario,
        run.Description,
        run.Status.Name(),
        run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        run.Scale,
        run.Months,
        run.MonthsDone,
        run.Threads,
        run.CreatedAt,
        run.StartedAt,
        run.FinishedAt,
        run.ResultHash,
        run.Seconds,
        run.Error,
        run.Summary);
}

/// <summary>One month of a run, as streamed live and returned with results.</summary>
public sealed record MonthInfo(int Month, string YearMonth, IReadOnlyDictionary<string, double> Figures);

/// <summary>A live progress event: the month just finished and the run's progress.</summary>
public sealed record MonthEvent(string RunId, int MonthsDone, int MonthsTotal, MonthInfo Month);

/// <summary>A run's results: its record, headline figures and monthly series (region or one city).</summary>
public sealed record RunResults(RunInfo Run, string? City, IReadOnlyList<MonthInfo> Months);

/// <summary>A scenario file of the silo's library.</summary>
public sealed record ScenarioInfo(string Path, string Name, string? Description, int Months, double Scale, IReadOnlyList<string> Policies);

/// <summary>One validation error in a scenario, with its place.</summary>
public sealed record ScenarioErrorInfo(string File, int Line, int Column, string Message, string? Hint);

/// <summary>The outcome of validating a scenario that has no errors.</summary>
public sealed record ValidationInfo(bool Valid, string Name, int Months, double Scale, int Policies);

[JsonSerializable(typeof(RunInfo))]
[JsonSerializable(typeof(RunInfo[]))]
[JsonSerializable(typeof(MonthEvent))]
[JsonSerializable(typeof(RunResults))]
[JsonSerializable(typeof(ScenarioInfo[]))]
[JsonSerializable(typeof(ValidationInfo))]
[JsonSerializable(typeof(ScenarioErrorInfo[]))]
[JsonSerializable(typeof(ExperimentRequest))]
[JsonSerializable(typeof(ExperimentInfo))]
[JsonSerializable(typeof(RunTraceInfo))]
[JsonSerializable(typeof(ChainTracesInfo))]
[JsonSerializable(typeof(MetricsInfo))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class ApiJsonContext : JsonSerializerContext;
