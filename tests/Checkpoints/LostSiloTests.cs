using GbaSim.Contracts.Runs;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Checkpoints;

/// <summary>
/// A run spread over three silos loses one of them part way (stopped in order, or killed) and
/// still ends with the hash of a run that lost nothing, its record saying what happened.
/// </summary>
public sealed class LostSiloTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_that_loses_one_of_three_silos_goes_back_to_its_checkpoint_and_ends_with_the_pinned_hash(bool kill)
    {
        await using var cluster = await GbaSimCluster.Start(3);
        var submitted = await cluster.Client.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key)
            .Submit(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 6, Granularity.Shard, CheckpointEvery: 6));
        var lost = false;

        var (final, notices) = await cluster.Follow(submitted.Id, async months =>
        {
            if (!lost && months >= 9)
            {
                lost = true;
                await cluster.StopSilo(2, kill);
            }
        });

        Assert.True(lost, "The run ended before a silo could be lost.");
        Assert.True(final.Status == RunStatusNames.Completed, $"Run ended {final.Status}: {final.Error}; notices: {string.Join(" | ", notices)}");
        Assert.Equal(PrePortHash.GbaSmall, final.ResultHash);
        var recovery = Assert.Single(final.Recoveries ?? []);
        Assert.Contains("went back to the checkpoint at step", recovery, StringComparison.Ordinal);
        Assert.Contains(notices, n => n.Contains("went back to the checkpoint", StringComparison.Ordinal));
    }
}
