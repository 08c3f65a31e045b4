namespace GbaSim.Grains.Storage;

/// <summary>A run as the results store keeps it.</summary>
public sealed record RunRecord(
    string Id,
    string Scenario,
    string? Description,
    string SourcePath,
    string ScenarioText,
    ulong Seed,
    double Scale,
    int Months,
    int Threads,
    RunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int MonthsDone,
    string? ResultHash,
    double? Seconds,
    string? Error,
    IReadOnlyDictionary<string, double>? Summary,
    int Shards,
    string Granularity);
