using GbaSim.Grains.Sharding;

namespace GbaSim.Bench.Boltzmann;

/// <summary>Builds shards of Boltzmann runs; the benchmark's silo registers it beside the GBA model's factory.</summary>
public sealed class BoltzmannShardModelFactory : ShardModelFactory<BoltzmannModelSpec, Coin>
{
    protected override IShardModel<Coin> Model(ShardSetup setup, BoltzmannModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new BoltzmannShardModel(spec.Agents);
    }
}
