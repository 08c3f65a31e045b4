using GbaSim.Grains.Sharding;

using Orleans.Concurrency;

namespace GbaSim.Grains.Runs;

/// <summary>The registry's and other runs' side of a run grain: start it, fork from it, cancel it, let its actors go.</summary>
[Alias("gbasim.IRunControl")]
public interface IRunControl : IGrainWithStringKey
{
    /// <summary>Starts the run in the background and returns at once.</summary>
    [Alias("Start")]
    Task Start(RunPlan plan);

    /// <summary>
    /// Starts a fork group with this run as its baseline: at <paramref name="forkAt"/> (YYYY-MM)
    /// each variant branches from this run's state, one after the other, before this run goes on.
    /// </summary>
    [Alias("StartForkGroup")]
    Task StartForkGroup(RunPlan baseline, string forkAt, IReadOnlyList<RunPlan> variants);

    /// <summary>
    /// Starts this run as a branch of <paramref name="pastRunKey"/>, which has run the steps whose
    /// reports are <paramref name="past"/> and waits, between steps, until this run has ended.
    /// </summary>
    [Alias("StartBranch")]
    Task StartBranch(RunPlan plan, string pastRunKey, IReadOnlyList<IReadOnlyList<ActorReport>> past);

    /// <summary>
    /// Goes on with a run that was running elsewhere (an activation lost with its silo) or was
    /// interrupted: its shards go back to the last checkpoint and it carries on. Does nothing if
    /// this activation is already running it.
    /// </summary>
    [Alias("Resume")]
    Task Resume(RunPlan plan);

    /// <summary>Tells a fork group's baseline that one of its branches has ended.</summary>
    [AlwaysInterleave]
    [Alias("BranchEnded")]
    Task BranchEnded(string runId);

    /// <summary>Asks the run to stop between steps; a run that has not started is cancelled at once.</summary>
    [AlwaysInterleave]
    [Alias("Cancel")]
    Task Cancel(string reason);

    /// <summary>Lets the run's actors go; inspection of the run is no longer possible.</summary>
    [Alias("Release")]
    Task Release();

    /// <summary>Lets the run's actors go and deletes the checkpoints its shards kept, for a run being deleted.</summary>
    [Alias("Forget")]
    Task Forget();
}
