using GbaSim.Contracts.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Tests.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Tests.Checkpoints;

/// <summary>Checkpoints change nothing a run computes, and a finished run can be inspected from its last one.</summary>
[Collection(ThreeSiloCollection.Name)]
public sealed class CheckpointTests(ThreeSiloCluster silos)
{
    [Fact]
    public async Task Run_with_checkpoints_every_six_months_gives_the_pinned_hash_and_keeps_its_last_state()
    {
        var run = await silos.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 6, Granularity.Shard, CheckpointEvery: 6));

        Assert.Equal(PrePortHash.GbaSmall, run.ResultHash);
        var manifest = silos.Cluster.SiloServices(0).GetRequiredService<IResultsStore>().LatestCheckpoint(run.Id);
        Assert.NotNull(manifest);
        // The last checkpoint is the final state (after the 36 months' 37 steps), hashed over the shards' kept states.
        Assert.Equal(37, manifest.NextStep);
        Assert.Matches("^[0-9a-f]{64}$", manifest.WorldHash);
    }

    [Fact]
    public async Task Finished_run_is_inspected_from_its_checkpoint_after_its_actors_are_let_go()
    {
        var run = await silos.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 4, Granularity.Shard, Months: 6, CheckpointEvery: 3));
        var live = await silos.Cluster.Client.GetGrain<IRunGrain>(run.Id).Inspect("city", "Shenzhen");

        await silos.Cluster.Client.GetGrain<GbaSim.Grains.Runs.IRunControl>(run.Id).Release();
        var kept = await silos.Cluster.Client.GetGrain<IRunGrain>(run.Id).Inspect("city", "Shenzhen");

        Assert.Contains("talentPool", kept, StringComparison.Ordinal);
        Assert.Equal(live, kept);
    }

    [Fact]
    public async Task Forgotten_run_leaves_no_shard_state_to_inspect()
    {
        var run = await silos.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 4, Granularity.Shard, Months: 6, CheckpointEvery: 3));
        var control = silos.Cluster.Client.GetGrain<GbaSim.Grains.Runs.IRunControl>(run.Id);
        var shards = Enumerable.Range(0, 4)
            .Select(i => silos.Cluster.Client.GetGrain<GbaSim.Grains.Sharding.IShardGrain>(GbaSim.Grains.Sharding.ShardSetup.ShardKey(run.Id, i)))
            .ToArray();
        await control.Release();
        Assert.Single(await Task.WhenAll(shards.Select(s => s.Inspect("city", "Shenzhen"))), state => state is not null);

        await control.Forget();

        // Every shard's slots are cleared, so no shard can answer from a kept state any more.
        Assert.All(await Task.WhenAll(shards.Select(s => s.Inspect("city", "Shenzhen"))), Assert.Null);
    }
}
