using GbaSim.Grains.Sharding;

namespace GbaSim.Grains.Ecosystem;

/// <summary>
/// A run of the GBA model: the scenario's YAML as submitted (read as the library file
/// <paramref name="ScenarioPath"/>), the firm sample scale and, to rehearse failures, an actor
/// made to throw in a given month.
/// </summary>
[GenerateSerializer, Immutable, Alias("gbasim.EcosystemModelSpec")]
public sealed record EcosystemModelSpec(string ScenarioText, string? ScenarioPath, double Scale, string? FaultActor, int FaultMonth) : ShardModelSpec;
