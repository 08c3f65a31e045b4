namespace GbaSim.Contracts.Experiments;

/// <summary>A scenario of an experiment: its YAML, where it sits in the scenario library (so <c>extends</c> and <c>world</c> resolve) and the label it is compared under.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ExperimentScenario")]
public sealed record ExperimentScenario(string Text, string? Path, string? Label);
