using GbaSim.Grains.Ecosystem;

namespace GbaSim.Grains.Runs;

/// <summary>
/// Everything a run grain needs to carry out a run: its id, the scenario and settings, how many
/// months, how its actors are spread and hosted, and which technologies to trace.
/// </summary>
/// <param name="Months">Months simulated, at most the scenario's horizon.</param>
/// <param name="Threads">Shards stepped at once; 0 for all.</param>
/// <param name="ChainTraceEvery">Trace one technology in this many; 0 chooses by scale, -1 none.</param>
/// <param name="CheckpointEvery">Months between checkpoints; 0 keeps none (and the run cannot survive a lost silo or be resumed).</param>
/// <param name="RequestedBy">The W3C traceparent of the call that submitted the run, whose trace the run's span joins as a child; null if none.</param>
[GenerateSerializer, Immutable, Alias("gbasim.RunPlan")]
public sealed record RunPlan(
    string RunId,
    string ScenarioName,
    EcosystemModelSpec Model,
    ulong Seed,
    int Months,
    int Shards,
    int Threads,
    string Granularity,
    int ChainTraceEvery,
    string? RequestedBy,
    int CheckpointEvery = 0);
