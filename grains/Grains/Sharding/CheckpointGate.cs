namespace GbaSim.Grains.Sharding;

/// <summary>
/// Lets one shard of this silo at a time take and write its checkpoint. A checkpoint holds the
/// shard's whole state two or three times over while it is written; with every shard of a run
/// (and of every run in a comparison) doing so at once, that was the largest part of a big
/// run's peak memory, while the writes themselves queue on the store anyway. One per silo.
/// </summary>
public sealed class CheckpointGate : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Runs <paramref name="checkpoint"/> once no other checkpoint of this silo is running.</summary>
    public async Task<T> OneAtATime<T>(Func<Task<T>> checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        // No ConfigureAwait(false): the checkpoint runs on its grain's scheduler, which Orleans requires of storage calls.
        await _one.WaitAsync();
        try
        {
            return await checkpoint();
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
