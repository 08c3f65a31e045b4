using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>One run of an experiment: which scenario (by its label), which replication, with which seed.</summary>
public sealed record PlannedRun(string Label, ScenarioDefinition Scenario, int Replication, ulong Seed, IReadOnlyDictionary<string, double> Coordinates);
