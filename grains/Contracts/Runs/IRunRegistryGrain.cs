using GbaSim.Contracts.Experiments;

namespace GbaSim.Contracts.Runs;

/// <summary>
/// The silo's runs: it takes submissions, keeps the queue, starts at most as many runs at once
/// as the silo allows and cancels on request. There is one, keyed <see cref="Key"/>. Requests it
/// cannot take throw <see cref="RequestRejectedException"/>.
/// </summary>
[Alias("gbasim.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithStringKey
{
    public const string Key = "runs";

    [Alias("Submit")]
    Task<RunInfo> Submit(RunRequest request);

    /// <summary>An experiment whose variants fork from its baseline: one fork group per seed.</summary>
    [Alias("SubmitExperiment")]
    Task<ExperimentInfo> SubmitExperiment(ExperimentRequest request);

    /// <summary>
    /// Continues an interrupted run (its silo or cluster stopped) from its last checkpoint, or
    /// from the start if it has none, and returns its record; the run ends with the result it
    /// would have had without the stop.
    /// </summary>
    [Alias("Resume")]
    Task<RunInfo> Resume(string runId);

    /// <summary>Cancels a queued or running run and returns its record.</summary>
    [Alias("Cancel")]
    Task<RunInfo> Cancel(string runId);

    /// <summary>The runs whose actors are in grains now (running, or among the newest finished ones kept for inspection).</summary>
    [Alias("Inspectable")]
    Task<IReadOnlyList<string>> Inspectable();

    /// <summary>Lets go of a finished run before it is deleted: releases its grains if they are kept, and answers whether they were. A queued or running run is refused.</summary>
    [Alias("Forget")]
    Task<bool> Forget(string runId);
}
