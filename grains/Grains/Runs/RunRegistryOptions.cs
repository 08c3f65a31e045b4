namespace GbaSim.Grains.Runs;

/// <summary>How a silo's run registry takes and runs work; bound from the configuration section <c>Silo</c>.</summary>
public sealed class RunRegistryOptions
{
    /// <summary>Runs (or fork groups) that execute at once; more wait in the queue. Default 2.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Runs that may wait in the queue; more are refused until some start. Default 1,000.</summary>
    public int MaxQueuedRuns { get; set; } = 1000;

    /// <summary>Shard grains a run's actors are spread over when the request does not say; never changes results. Default 8. A run stepped one shard at a time (threads 1, as comparisons, sweeps and sensitivity designs are) takes one per silo up instead, at most this many.</summary>
    public int Shards { get; set; } = 8;

    /// <summary>The most shards a request may ask for. Default 256.</summary>
    public int MaxShards { get; set; } = 256;

    /// <summary>Shards a run steps at once when the request does not say; 0 steps all of them at once. Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>Finished runs whose actors stay in memory for inspection; older ones are released. Default 4.</summary>
    public int RetainedRuns { get; set; } = 4;

    /// <summary>
    /// Trace one technology in this many (chosen by a hash of its id); 0 chooses by scale (every
    /// technology below scale 0.1, else one in 20); -1 traces none. Default 0.
    /// </summary>
    public int ChainTraceEvery { get; set; }

    /// <summary>
    /// Months between a run's checkpoints when the request does not say; 0 keeps none (a run then
    /// keeps only its final state, for inspection; the runs of a comparison always do). At each,
    /// every shard writes its state and the run commits a manifest, so a run can go on after a
    /// lost silo or a stopped cluster from there. Default 12.
    /// </summary>
    public int CheckpointEvery { get; set; } = 12;

    /// <summary>Times a run may go back to its last checkpoint after losing a silo before it is failed. Default 5.</summary>
    public int MaxRecoveries { get; set; } = 5;

    /// <summary>Longest a run keeps trying to restore its shards after losing a silo, in seconds. Default 180.</summary>
    public int RecoverySeconds { get; set; } = 180;

    /// <summary>An actor (e.g. <c>city/Macao</c>) made to throw in every run at <see cref="FaultMonth"/>, to rehearse how failures are reported; empty in normal operation.</summary>
    public string FaultGrain { get; set; } = "";

    public int FaultMonth { get; set; }
}
