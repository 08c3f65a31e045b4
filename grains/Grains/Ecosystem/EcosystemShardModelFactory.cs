using GbaSim.Grains.Sharding;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Grains.Ecosystem;

/// <summary>Builds shards of GBA runs from the silo's cached worlds.</summary>
public sealed class EcosystemShardModelFactory(EcosystemWorlds worlds) : ShardModelFactory<EcosystemModelSpec, EcosystemMessage>
{
    protected override IShardModel<EcosystemMessage> Model(ShardSetup setup, EcosystemModelSpec spec) =>
        new EcosystemShardModel(worlds.Get(spec, setup.Seed), worlds);
}
