using GbaSim.Grains.Storage;
using GbaSim.Tests.Sharding;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace GbaSim.Tests.Storage;

[Collection(OneSiloCollection.Name)]
public sealed class CheckpointGrainStorageTests(OneSiloCluster silo)
{
    private IGrainStateTable Table => silo.Cluster.SiloServices(0).GetRequiredService<IGrainStateTable>();

    private Serializer Serializer => silo.Cluster.SiloServices(0).GetRequiredService<Serializer>();

    [Fact]
    public async Task A_grain_state_outlives_its_activation_in_the_results_store()
    {
        var grain = silo.Cluster.Client.GetGrain<ICheckpointProbeGrain>("outlives");
        var etag = await grain.Write([3, 1, 4, 1, 5]);
        await grain.Deactivate();

        var reading = await grain.Read();
        int[] expected = [3, 1, 4, 1, 5];
        Assert.Equal(expected, reading.Values);
        Assert.True(reading.RecordExists);
        Assert.Equal(etag, reading.ETag);

        // Stored under the grain's id, in Orleans's binary format.
        var stored = Table.ReadGrainState(CheckpointStorage.ShardState, grain.GetGrainId().ToString());
        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        var state = Serializer.Deserialize<ProbeState>(stored.Data);
        Assert.NotNull(state);
        Assert.Equal(14, state.Figures["sum"]);
    }

    [Fact]
    public async Task A_grain_without_a_stored_state_starts_empty()
    {
        var reading = await silo.Cluster.Client.GetGrain<ICheckpointProbeGrain>("never-written").Read();
        Assert.Empty(reading.Values);
        Assert.False(reading.RecordExists);
        Assert.Null(reading.ETag);
    }

    [Fact]
    public async Task A_write_under_a_stale_etag_is_refused_and_the_newer_state_kept()
    {
        var grain = silo.Cluster.Client.GetGrain<ICheckpointProbeGrain>("stale");
        var etag = await grain.Write([1]);
        // Another activation (on a silo that took over) wrote since.
        var newer = Serializer.SerializeToArray(new ProbeState { Values = [9] });
        Table.WriteGrainState(CheckpointStorage.ShardState, grain.GetGrainId().ToString(), newer, etag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write([2]));

        await grain.Deactivate();
        int[] expected = [9];
        Assert.Equal(expected, (await grain.Read()).Values);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_after_reactivation()
    {
        var grain = silo.Cluster.Client.GetGrain<ICheckpointProbeGrain>("cleared");
        await grain.Write([7, 7]);
        await grain.Clear();
        await grain.Deactivate();

        var reading = await grain.Read();
        Assert.False(reading.RecordExists);
        Assert.Empty(reading.Values);
        Assert.Null(Table.ReadGrainState(CheckpointStorage.ShardState, grain.GetGrainId().ToString()));
    }
}
