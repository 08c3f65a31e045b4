using GbaSim.Contracts.Runs;

namespace GbaSim.Contracts.Experiments;

/// <summary>One run of an experiment: the scenario's label, the seed, and the run.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ExperimentRunInfo")]
public sealed record ExperimentRunInfo(string Label, string Seed, RunInfo Run);
