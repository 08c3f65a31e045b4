using GbaSim.Grains.Sharding;

namespace GbaSim.Bench.Boltzmann;

/// <summary>A run of the Boltzmann wealth exchange: <paramref name="Agents"/> agents, each starting with one coin.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.bench.BoltzmannModelSpec")]
public sealed record BoltzmannModelSpec(int Agents) : ShardModelSpec;
