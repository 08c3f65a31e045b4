using GbaSim.Contracts.Runs;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Ecosystem;
using GbaSim.Grains.Runs;
using GbaSim.Grains.Sharding;
using GbaSim.Grains.Storage;
using GbaSim.Tests.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace GbaSim.Tests.Checkpoints;

/// <summary>
/// A silo's death can leave two activations of a run grain, each restoring the shards; the one
/// that restored first is refused and stands down. Whoever watched it must still see the run end.
/// </summary>
public sealed class SupersededRunTests
{
    private const int Shards = 2;

    [Fact]
    public async Task Watch_of_a_run_activation_that_a_newer_one_took_over_ends_with_the_run_the_store_records()
    {
        await using var cluster = await GbaSimCluster.Start(1);
        var store = cluster.SiloServices(0).GetRequiredService<IResultsStore>();
        var run = await cluster.Client.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key)
            .Submit(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, Shards, Granularity.Shard, CheckpointEvery: 6));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var tookOver = false;
        RunInfo? final = null;

        await foreach (var item in cluster.Client.GetGrain<IRunGrain>(run.Id).Watch(timeout.Token).WithCancellation(timeout.Token))
        {
            if (!tookOver && item.Month is { MonthsDone: >= 8 })
            {
                tookOver = true;
                await RestoreAsNewerAttempt(cluster, store, run.Id);
            }
            if (item.Notice == RunGrain.HandedOverNotice)
            {
                // The newer driver, standing in here, ends the run.
                store.Complete(run.Id, new RunResult("gba-small", 1, 1, 0, 0, 0, "ended-by-the-newer-driver", new Dictionary<string, double>()), DateTimeOffset.UtcNow);
            }
            final = item.Final ?? final;
        }

        Assert.True(tookOver, "The run ended before another attempt could take it over.");
        Assert.NotNull(final);
        Assert.Equal(RunStatusNames.Completed, final.Status);
        Assert.Equal("ended-by-the-newer-driver", final.ResultHash);
    }

    /// <summary>Restores every shard of the run to its last checkpoint under an attempt later than any driver's, as a second activation would.</summary>
    private static async Task RestoreAsNewerAttempt(GbaSimCluster cluster, IResultsStore store, string runId)
    {
        var record = store.GetRun(runId)!;
        var manifest = store.LatestCheckpoint(runId) ?? throw new InvalidOperationException("The run committed no checkpoint to take it over from.");
        var model = new EcosystemModelSpec(record.ScenarioText, record.SourcePath.Length > 0 ? record.SourcePath : null, record.Scale, null, 0);
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(i => cluster.Client.GetGrain<IShardGrain>(ShardSetup.ShardKey(runId, i))
            .Restore(new ShardSetup(runId, i, Shards, record.Seed, Granularity.Shard, model), manifest.NextStep, long.MaxValue)));
    }
}
