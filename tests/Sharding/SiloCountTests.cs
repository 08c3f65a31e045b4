using GbaSim.Contracts.Runs;

namespace GbaSim.Tests.Sharding;

/// <summary>A run spread over several silos gives the result it gives in one; where a shard lives never changes results.</summary>
[Collection(ThreeSiloCollection.Name)]
public sealed class SiloCountTests(ThreeSiloCluster silos)
{
    [Fact]
    public async Task Gba_small_gives_the_pre_port_hash_on_three_silos_with_shard_k_on_the_kth_silo()
    {
        const int Shards = 16;
        var run = await silos.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, Shards, Granularity.Shard));

        Assert.Equal(PrePortHash.GbaSmall, run.ResultHash);
        // The run keeps its shards for inspection, so each silo still holds the ones it ran.
        var placed = silos.Cluster.ShardsPerSilo(run.Id, Shards);
        // Shard placement deals shards out over the silos in address order: silo j holds shards j, j + 3, j + 6, ...
        Assert.Equal(ThreeSiloCluster.Silos, placed.Count);
        for (var silo = 0; silo < placed.Count; silo++)
        {
            Assert.Equal(Enumerable.Range(0, Shards).Where(k => k % ThreeSiloCluster.Silos == silo), placed[silo]);
        }
    }

    [Fact]
    public async Task Entity_grains_spread_over_three_silos_give_the_hash_of_shard_grains()
    {
        // A year of gba-small is enough to cross silos every step; the pinned three years run in one silo.
        var request = new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 4, Granularity.Shard, Months: 12);
        var shard = await silos.Cluster.Run(request);
        var entity = await silos.Cluster.Run(request with { Granularity = Granularity.Entity });

        Assert.Equal(Granularity.Entity, entity.Granularity);
        Assert.Equal(shard.ResultHash, entity.ResultHash);
        Assert.Equal(shard.Summary, entity.Summary);
    }
}
