using GbaSim.Contracts.Runs;

namespace GbaSim.Tests.Sharding;

/// <summary>How many shard grains a run's actors are spread over never changes its result.</summary>
[Collection(OneSiloCollection.Name)]
public sealed class ShardCountTests(OneSiloCluster silo)
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public async Task Gba_small_gives_the_pre_port_hash_at_1_4_16_and_64_shards(int shards)
    {
        var run = await silo.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, shards, Granularity.Shard));

        Assert.Equal((shards, Granularity.Shard), (run.Shards, run.Granularity));
        Assert.Equal(PrePortHash.GbaSmall, run.ResultHash);
    }
}
