using GbaSim.Grains.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>A grain that keeps a list of numbers in the checkpoint storage, as a shard keeps its checkpoint.</summary>
public interface ICheckpointProbeGrain : IGrainWithStringKey
{
    /// <summary>Stores the numbers and returns the new ETag.</summary>
    Task<string?> Write(int[] values);

    /// <summary>What the grain's state holds, whether a record exists, and its ETag.</summary>
    Task<ProbeReading> Read();

    Task Clear();

    Task Deactivate();
}

[GenerateSerializer]
public sealed record ProbeReading([property: Id(0)] int[] Values, [property: Id(1)] bool RecordExists, [property: Id(2)] string? ETag);

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public int[] Values { get; set; } = [];

    [Id(1)]
    public Dictionary<string, double> Figures { get; set; } = [];
}

public sealed class CheckpointProbeGrain(
    [PersistentState(CheckpointStorage.ShardState, CheckpointStorage.ProviderName)] IPersistentState<ProbeState> state) : Grain, ICheckpointProbeGrain
{
    public async Task<string?> Write(int[] values)
    {
        state.State = new ProbeState { Values = values, Figures = { ["sum"] = values.Sum() } };
        await state.WriteStateAsync();
        return state.Etag;
    }

    public Task<ProbeReading> Read() => Task.FromResult(new ProbeReading(state.State.Values, state.RecordExists, state.Etag));

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
