namespace GbaSim.Contracts.Experiments;

/// <summary>An accepted experiment: where its runs fork, and its runs, seed by seed (baseline first).</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ExperimentInfo")]
public sealed record ExperimentInfo(string ForkAt, IReadOnlyList<ExperimentRunInfo> Runs);
