using GbaSim.Grains.Storage;

namespace GbaSim.Tests.Cluster;

/// <summary>What a shard's checkpoint looks like to the storage provider: a step and a block of actor bytes.</summary>
[GenerateSerializer, Alias("gbasim.tests.CheckpointProbeState")]
public sealed record CheckpointProbeState([property: Id(0)] int Step, [property: Id(1)] string Label, [property: Id(2)] byte[] Actors);

/// <summary>A grain that keeps its state as shards keep their checkpoints, in the <c>checkpoints</c> provider.</summary>
public interface ICheckpointProbeGrain : IGrainWithStringKey
{
    Task Write(CheckpointProbeState state);

    Task<CheckpointProbeState?> Read();
}

public sealed class CheckpointProbeGrain(
    [PersistentState(CheckpointStorage.ShardState, CheckpointStorage.ProviderName)] IPersistentState<CheckpointProbeState?> checkpoint) : Grain, ICheckpointProbeGrain
{
    public Task Write(CheckpointProbeState state)
    {
        checkpoint.State = state;
        return checkpoint.WriteStateAsync();
    }

    public async Task<CheckpointProbeState?> Read()
    {
        await checkpoint.ReadStateAsync();
        return checkpoint.RecordExists ? checkpoint.State : null;
    }
}
