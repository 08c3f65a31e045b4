using GbaSim.Grains.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Orleans grain storage over the results store's grain-state table: states are serialized with
/// Orleans's binary serializer (smaller and faster than the JSON default for the large shard
/// checkpoints) and kept under the grain's id (<see cref="GrainId.ToString"/>, e.g.
/// <c>shard/RUN/3</c>), with the table's version tags as Orleans ETags.
/// </summary>
public sealed partial class TableGrainStorage(IGrainStateTable table, Serializer serializer, ILogger<TableGrainStorage> logger) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        // The table is synchronous; a large state is read off the grain's scheduler.
        var stored = await Task.Run(() => table.ReadGrainState(stateName, grainId.ToString()));
        if (stored is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }
        grainState.State = serializer.Deserialize<T>(stored.Data);
        grainState.RecordExists = true;
        grainState.ETag = stored.ETag;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.SerializeToArray(grainState.State);
        var etag = await Conflicts(stateName, grainId, grainState.ETag, () => table.WriteGrainState(stateName, grainId.ToString(), data, grainState.ETag));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await Conflicts(stateName, grainId, grainState.ETag, () =>
        {
            table.ClearGrainState(stateName, grainId.ToString(), grainState.ETag);
            return 0;
        });
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Runs a table write off the grain's scheduler, turning a tag conflict into the exception Orleans expects.</summary>
    private async Task<TResult> Conflicts<TResult>(string stateName, GrainId grainId, string? currentETag, Func<TResult> write)
    {
        try
        {
            return await Task.Run(write);
        }
        catch (GrainStateConflictException ex)
        {
            LogConflict(logger, stateName, grainId.ToString(), ex.Message);
            // Without the inner exception: the grain's caller may be on another silo, and ours does not cross the wire.
            throw new InconsistentStateException(ex.Message, ex.StoredETag ?? "", currentETag ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {StateName} of {GrainId} was not written: {Reason}")]
    private static partial void LogConflict(ILogger logger, string stateName, string grainId, string reason);
}
