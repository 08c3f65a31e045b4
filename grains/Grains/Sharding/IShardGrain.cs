using Orleans.Concurrency;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// One shard of a run, keyed <c>{run}/{index}</c>: a slice of the run's actors, stepped by the
/// run grain as a barrier over all shards in two phases: every shard runs <see cref="Step"/> (and
/// hands its batches for shards on its silo over), then every shard whose report awaits it runs
/// <see cref="Exchange"/>, one <see cref="Deliver"/> per shard on another silo that has mail from
/// this one. Apart, no shard's turns wait for another's.
/// </summary>
[Alias("gbasim.IShardGrain")]
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Builds this shard's actors; calling it again with the same setup does nothing.</summary>
    [Alias("Initialize")]
    Task Initialize(ShardSetup setup);

    /// <summary>
    /// Takes this shard's actors from shard <see cref="ShardSetup.Index"/> of the run <paramref name="pastRunKey"/>
    /// (between steps), as the shard of a branch set up by <paramref name="setup"/>.
    /// </summary>
    [Alias("ForkFrom")]
    Task ForkFrom(string pastRunKey, ShardSetup setup);

    /// <summary>
    /// Runs step <paramref name="step"/>. Idempotent: asked again for the step it last ran (a
    /// retried call), it answers the same without running it twice. A shard restored from a
    /// checkpoint refuses a step sent before that restore (another <paramref name="attempt"/>),
    /// which Orleans may have forwarded to it from a silo that died.
    /// </summary>
    [Alias("Step")]
    Task<ShardStepReport> Step(long step, long attempt);

    /// <summary>
    /// Hands what step <paramref name="step"/> sent to shards on other silos, after every shard has
    /// run it and before any runs the next. Idempotent: a batch delivered twice replaces itself.
    /// </summary>
    [Alias("Exchange")]
    Task Exchange(long step, long attempt);

    /// <summary>
    /// Takes what shard <paramref name="source"/> sent here in step <paramref name="sentInStep"/>.
    /// Interleaves with <see cref="Exchange"/>: shards deliver to each other while exchanging.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Deliver")]
    Task Deliver(long sentInStep, int source, [Immutable] EnvelopeBatch batch);

    /// <summary>
    /// Keeps this shard's state, between steps, through Orleans grain persistence, as the state
    /// that runs <paramref name="nextStep"/> next. The run commits the checkpoint once every shard has;
    /// until then the state kept for <paramref name="committed"/> (the run's committed checkpoint) stays too.
    /// Refused, like a step, when a later <paramref name="attempt"/> has restored the shard.
    /// </summary>
    /// <returns>The SHA-256 of the state kept, in hex, for the run's manifest.</returns>
    [Alias("Checkpoint")]
    Task<string> Checkpoint(long nextStep, long committed, long attempt);

    /// <summary>
    /// Sets this shard (again) to the state it kept for <paramref name="nextStep"/>, or, for step 0,
    /// builds it anew: on whatever silo it now lives, and whatever it held before. From then on it
    /// runs only steps of <paramref name="attempt"/>.
    /// </summary>
    /// <returns>The SHA-256 of the state restored, in hex (empty for step 0), to check against the run's manifest.</returns>
    [Alias("Restore")]
    Task<string> Restore(ShardSetup setup, long nextStep, long attempt);

    /// <summary>Every actor's state, for the run's result hash.</summary>
    [Alias("Digest")]
    Task<ShardDigest> Digest();

    /// <summary>An actor's state as JSON, or null if this shard holds no such actor; a released shard answers from its last checkpoint.</summary>
    [Alias("Inspect")]
    Task<string?> Inspect(string type, string key);

    /// <summary>Lets go of the actors; the grain deactivates.</summary>
    [Alias("Release")]
    Task Release();

    /// <summary>Lets go of the actors and deletes both checkpoint slots, for a run being deleted.</summary>
    [Alias("Forget")]
    Task Forget();
}
