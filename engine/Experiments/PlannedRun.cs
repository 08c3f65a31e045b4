using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>One run of an experiment: which scenario (by its label), which replication, with which seed; for a package's lever taken out, which.</summary>
public sealed record PlannedRun(string Label, ScenarioDefinition Scenario, int Replication, ulong Seed, IReadOnlyDictionary<string, double> Coordinates, LeverRemoval? Removal = null);
