namespace GbaSim.Grains.Storage;

/// <summary>
/// The record that commits a run's checkpoint: every shard has written its state for
/// <see cref="NextStep"/>, so the run can start again from that step on any silos.
/// </summary>
/// <param name="NextStep">The step the run runs next when it restarts from this checkpoint.</param>
/// <param name="Shards">How many shards wrote a state.</param>
/// <param name="WorldHash">The hash of the world at the checkpoint (of the shards' kept states, in shard order), checked when the shards are restored.</param>
/// <param name="RunState">The run grain's own state at the checkpoint (the month observer and summary so far), as bytes.</param>
public sealed record CheckpointManifest(string RunId, long NextStep, int Shards, string WorldHash, byte[] RunState, DateTimeOffset At);
