namespace GbaSim.Contracts.Runs;

/// <summary>What a watcher of a run is told: a finished month, or the run's final record (always the last event).</summary>
[GenerateSerializer, Immutable, Alias("gbasim.RunEvent")]
public sealed record RunEvent(MonthEvent? Month, RunInfo? Final);
