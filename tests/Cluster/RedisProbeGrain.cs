using GbaSim.Grains.Storage;

namespace GbaSim.Tests.Cluster;

/// <summary>What a shard's checkpoint looks like to the storage provider: a step and a block of actor bytes.</summary>
[GenerateSerializer, Alias("gbasim.tests.RedisProbeState")]
public sealed record RedisProbeState([property: Id(0)] int Step, [property: Id(1)] string Label, [property: Id(2)] byte[] Actors);

/// <summary>A grain that keeps its state as shards keep their checkpoints, in the <c>checkpoints</c> provider.</summary>
public interface IRedisProbeGrain : IGrainWithStringKey
{
    Task Write(RedisProbeState state);

    Task<RedisProbeState?> Read();

    Task Clear();
}

public sealed class RedisProbeGrain(
    [PersistentState(CheckpointStorage.ShardState, CheckpointStorage.ProviderName)] IPersistentState<RedisProbeState?> checkpoint) : Grain, IRedisProbeGrain
{
    public Task Write(RedisProbeState state)
    {
        checkpoint.State = state;
        return checkpoint.WriteStateAsync();
    }

    public async Task<RedisProbeState?> Read()
    {
        await checkpoint.ReadStateAsync();
        return checkpoint.RecordExists ? checkpoint.State : null;
    }

    public Task Clear() => checkpoint.ClearStateAsync();
}
