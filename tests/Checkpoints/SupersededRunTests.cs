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
    [Fact]
    public async Task Watch_of_a_run_activation_that_a_newer_one_took_over_ends_with_the_run_the_store_records()
    {
        const int shards = 2;
        await using var cluster = await GbaSimCluster.Start(1);
        var (store, run) = await SubmitGbaSmall(cluster, shards);
        var tookOver = false;

        var final = await WatchToEnd(cluster, store, run.Id, async item =>
        {
            if (!tookOver && item.Month is { MonthsDone: >= 8 })
            {
                tookOver = true;
                await RestoreAsNewerAttempt(cluster, store, run.Id, shards);
            }
        });

        Assert.True(tookOver, "The run ended before another attempt could take it over.");
        Assert.NotNull(final);
        Assert.Equal(RunStatusNames.Completed, final.Status);
        Assert.Equal(NewerDriversHash, final.ResultHash);
    }

    [Fact]
    public async Task Run_activation_refused_after_a_lost_silo_stands_down_instead_of_taking_the_run_back()
    {
        // A shard on every silo, so that losing one fails a step.
        const int shards = 6;
        await using var cluster = await GbaSimCluster.Start(3);
        var (store, run) = await SubmitGbaSmall(cluster, shards);
        var (lost, refused) = (false, false);

        var final = await WatchToEnd(cluster, store, run.Id, async item =>
        {
            if (!lost && item.Month is { MonthsDone: >= 8 })
            {
                // A silo other than the run grain's, stopped in order, so that the grain itself stays where it is.
                lost = true;
                await cluster.StopSilo(await cluster.SiloOfRun(run.Id) == 1 ? 2 : 1, kill: false);
            }
            if (!refused && item.Notice?.Contains("went back to the checkpoint", StringComparison.Ordinal) == true)
            {
                // The run has lost a silo since it started, yet a refusal is no reason to restore again.
                refused = true;
                await RestoreAsNewerAttempt(cluster, store, run.Id, shards);
            }
        });

        Assert.True(refused, "The run ended before it could be refused.");
        Assert.NotNull(final);
        Assert.Equal(NewerDriversHash, final.ResultHash);
    }

    private const string NewerDriversHash = "ended-by-the-newer-driver";

    /// <summary>Submits gba-small on <paramref name="shards"/> shards with a checkpoint every six months, and the store that records it.</summary>
    private static async Task<(IResultsStore Store, RunInfo Run)> SubmitGbaSmall(GbaSimCluster cluster, int shards)
    {
        var store = cluster.SiloServices(0).GetRequiredService<IResultsStore>();
        var run = await cluster.Client.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key)
            .Submit(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, shards, Granularity.Shard, CheckpointEvery: 6));
        return (store, run);
    }

    /// <summary>
    /// Watches the run to its final record, <paramref name="act"/> seeing each event first; once
    /// the activation watched hands the run over, the newer driver ends it.
    /// </summary>
    private static async Task<RunInfo?> WatchToEnd(GbaSimCluster cluster, IResultsStore store, string runId, Func<RunEvent, Task> act)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        RunInfo? final = null;
        await foreach (var item in cluster.Client.GetGrain<IRunGrain>(runId).Watch(timeout.Token).WithCancellation(timeout.Token))
        {
            await act(item);
            if (item.Notice == RunGrain.HandedOverNotice)
            {
                EndAsTheNewerDriver(store, runId);
            }
            final = item.Final ?? final;
        }
        return final;
    }

    /// <summary>Completes the run in the store, standing in for the activation that took it over.</summary>
    private static void EndAsTheNewerDriver(IResultsStore store, string runId) =>
        store.Complete(runId, new RunResult("gba-small", 1, 1, 0, 0, 0, NewerDriversHash, new Dictionary<string, double>()), DateTimeOffset.UtcNow);

    /// <summary>Restores every shard of the run to its last checkpoint under an attempt later than any driver's, as a second activation would.</summary>
    private static async Task RestoreAsNewerAttempt(GbaSimCluster cluster, IResultsStore store, string runId, int shards)
    {
        var record = store.GetRun(runId)!;
        var manifest = store.LatestCheckpoint(runId) ?? throw new InvalidOperationException("The run committed no checkpoint to take it over from.");
        var model = new EcosystemModelSpec(record.ScenarioText, record.SourcePath.Length > 0 ? record.SourcePath : null, record.Scale, null, 0);
        await Task.WhenAll(Enumerable.Range(0, shards).Select(i => cluster.Client.GetGrain<IShardGrain>(ShardSetup.ShardKey(runId, i))
            .Restore(new ShardSetup(runId, i, shards, record.Seed, Granularity.Shard, model), manifest.NextStep, long.MaxValue)));
    }
}
