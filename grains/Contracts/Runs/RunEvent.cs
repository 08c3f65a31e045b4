namespace GbaSim.Contracts.Runs;

/// <summary>
/// What a watcher of a run is told: a finished month, the run's final record (always the last
/// event), or a notice of something that happened to the run (a silo lost and the run rolled back).
/// </summary>
[GenerateSerializer, Immutable, Alias("gbasim.RunEvent")]
public sealed record RunEvent(MonthEvent? Month, RunInfo? Final, string? Notice = null);
