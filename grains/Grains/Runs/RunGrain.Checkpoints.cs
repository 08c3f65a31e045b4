using System.Diagnostics;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Sharding;
using GbaSim.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace GbaSim.Grains.Runs;

/// <summary>
/// A run's checkpoints and how it comes back from a lost silo: every few months each shard keeps
/// its state through grain persistence and the run commits a manifest; when a step fails because
/// part of the run is gone, the run sets every shard back to the last checkpoint, on the silos
/// left, and goes on. Because every step is deterministic, the result is the same as without the loss.
/// </summary>
public sealed partial class RunGrain
{
    private HashSet<string> _silosAtStart = [];
    private int _recoveries;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run marked running that no activation holds was lost with its silo: take it up again here.
        if (store.GetRun(Id) is { Status: RunStatus.Running })
        {
            _ = GrainFactory.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Resume(Id);
        }
        return base.OnActivateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_loop is { IsCompleted: false })
        {
            // Orleans does this when the silo holding the grain's directory entry dies; the loop goes on, and a newer activation may take the run over.
            LogDeactivatedWhileRunning(logger, Id, reason.Description);
        }
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Whether a run keeps checkpoints: only whole runs whose actors live in shard grains.</summary>
    private static bool KeepsCheckpoints(RunPlan plan) => plan.CheckpointEvery > 0 && plan.Granularity == Granularity.Shard;

    private bool CheckpointDue(RunPlan plan, long step) =>
        KeepsCheckpoints(plan) && _group is null && _pastRunKey is null && step > 0 && step % plan.CheckpointEvery == 0 && step < plan.Months;

    /// <summary>
    /// Commits a checkpoint for <paramref name="nextStep"/>: the months before it stored, every
    /// shard's state kept, then the manifest with the world's hash and the run's progress.
    /// </summary>
    private async Task Checkpoint(long nextStep, RunProgress progress, RunRecorder recorder)
    {
        var started = Stopwatch.GetTimestamp();
        await recorder.Stored();
        // The world's hash is that of the states kept, so no second pass over every actor is needed.
        string hash;
        try
        {
            hash = await _shards!.Checkpoint(nextStep, store.LatestCheckpoint(Id)?.NextStep ?? -1);
        }
        catch (Exception ex) when (StorageFailed(ex))
        {
            // A checkpoint only shortens a recovery: the last committed one still stands (shards write the other slot), so the run goes on.
            LogCheckpointNotKept(logger, ex, Id, nextStep);
            return;
        }
        store.CommitCheckpoint(new CheckpointManifest(Id, nextStep, _shards.Count, hash, progress.Save(), DateTimeOffset.UtcNow));
        LogCheckpoint(logger, Id, nextStep, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Takes up a run that was interrupted, or whose grain was lost with its silo, from its last
    /// checkpoint; the second is recorded as a recovery. Returns the step to run next.
    /// </summary>
    private async Task<long> TakeUp(RunProgress progress)
    {
        var started = Stopwatch.GetTimestamp();
        LogTakingUp(logger, Id, RuntimeIdentity);
        var stored = store.GetRun(Id)?.MonthsDone ?? 0;
        var wasRunning = store.GetRun(Id)?.Status == RunStatus.Running && _silosAtStart.Count > 0 && DeadSilos().Length > 0;
        var next = await RestoreFromCheckpoint(progress, stored);
        if (wasRunning)
        {
            // What the lost activation was on is gone with it: the months it stored tell how far it got.
            var recovery = new RunRecovery(DateTimeOffset.UtcNow, "silo " + string.Join(", ", DeadSilos()) + " (with the run's own grain)",
                stored + 1, next, Stopwatch.GetElapsedTime(started).TotalSeconds);
            store.RecordRecovery(Id, recovery);
            _recorder!.Notice(recovery.Describe());
            LogRecovered(logger, Id, recovery.Describe());
        }
        return next;
    }

    /// <summary>Sets the shards and the run's progress back to the last checkpoint (or the start) and returns the step to run next.</summary>
    private async Task<long> RestoreFromCheckpoint(RunProgress progress, int monthsStored)
    {
        var plan = _plan!;
        var manifest = store.LatestCheckpoint(Id);
        if (manifest is not null && manifest.Shards != plan.Shards)
        {
            throw new RunFailedException($"The run's checkpoint holds {manifest.Shards} shards, not {plan.Shards}; it cannot go on from it.");
        }
        var next = manifest?.NextStep ?? 0;
        var hash = await _shards!.Restore(i => Setup(plan, i), next);
        if (manifest is not null && hash != manifest.WorldHash)
        {
            throw new RunFailedException($"The states restored for step {next} hash to {hash}, not to the checkpoint's {manifest.WorldHash}: the checkpoint storage does not hold what the run kept.");
        }
        progress.Restore(manifest?.RunState);
        _recorder!.Resume(monthsStored);
        return next;
    }

    /// <summary>
    /// Whether a failed step is worth going back to the last checkpoint for: the run keeps them,
    /// the failure comes from a lost silo or a shard that lost its actors, and the run has not
    /// come back too often already.
    /// </summary>
    private bool CanRecover(Exception failure) =>
        _plan is { } plan && KeepsCheckpoints(plan) && _group is null && _pastRunKey is null
        && (LostPart.Explains(failure) || LostSinceStart(failure))
        && _recoveries < options.Value.MaxRecoveries;

    /// <summary>
    /// Whether a failure that is not the model's own came while a silo the run started on is no
    /// longer active. A refusal by a shard that a newer attempt restored is never such a failure:
    /// restoring again would take the run back from the activation that owns it now, and the two
    /// would go on taking it from each other.
    /// </summary>
    private bool LostSinceStart(Exception failure) =>
        failure is not (RunFailedException or OperationCanceledException or StoreWriteException or SupersededStepException) && !_silosAtStart.IsSubsetOf(ActiveSilos());

    /// <summary>
    /// Waits until membership has a view without the lost silo (or a moment has passed), then sets
    /// every shard back to the last checkpoint on the silos left, trying again while restoring
    /// fails, and records what happened. Returns the step to run next.
    /// </summary>
    private async Task<long> Recover(Exception failure, long failedStep, RunProgress progress, RunRecorder recorder)
    {
        _recoveries++;
        var started = Stopwatch.GetTimestamp();
        var deadline = TimeSpan.FromSeconds(options.Value.RecoverySeconds);
        LogLostPart(logger, failure, Id, failedStep);
        while (true)
        {
            try
            {
                await WaitForMembershipView(TimeSpan.FromSeconds(20));
                var next = await RestoreFromCheckpoint(progress, recorder.MonthsDone);
                var lost = _silosAtStart.Except(ActiveSilos()).Order(StringComparer.Ordinal).ToArray();
                var recovery = new RunRecovery(DateTimeOffset.UtcNow, lost.Length > 0 ? "silo " + string.Join(", ", lost) : "part of the run (no silo was declared dead)",
                    failedStep, next, Stopwatch.GetElapsedTime(started).TotalSeconds);
                store.RecordRecovery(Id, recovery);
                recorder.Notice(recovery.Describe());
                LogRecovered(logger, Id, recovery.Describe());
                return next;
            }
            catch (Exception ex) when ((LostPart.Explains(ex) || LostSinceStart(ex)) && Stopwatch.GetElapsedTime(started) < deadline)
            {
                LogRestoreRetry(logger, Id, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Waits, up to <paramref name="longest"/>, until one of the silos up when the run started is no longer active.</summary>
    private async Task WaitForMembershipView(TimeSpan longest)
    {
        var started = Stopwatch.GetTimestamp();
        while (_silosAtStart.IsSubsetOf(ActiveSilos()) && Stopwatch.GetElapsedTime(started) < longest)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private string[] DeadSilos() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Dead)
        .Select(m => m.SiloAddress.ToString())
        .Order(StringComparer.Ordinal)
        .ToArray();

    private HashSet<string> ActiveSilos() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active)
        .Select(m => m.SiloAddress.ToString())
        .ToHashSet(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId} kept a checkpoint for step {Step} in {Milliseconds:F0} ms.")]
    private static partial void LogCheckpoint(ILogger logger, string runId, long step, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the checkpoint for step {Step} could not be written to grain storage and is not kept; the last committed checkpoint stands.")]
    private static partial void LogCheckpointNotKept(ILogger logger, Exception exception, string runId, long step);

    /// <summary>Whether a grain-storage provider failed to write (a store's connection dropped, say), as Orleans reports it.</summary>
    private static bool StorageFailed(Exception failure) => failure switch
    {
        { } e when e.GetType().Name.EndsWith("StorageException", StringComparison.Ordinal) => true,
        OrleansException e when e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(StorageFailed),
        { InnerException: { } inner } => StorageFailed(inner),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} lost part of itself in step {Step}; going back to its last checkpoint.")]
    private static partial void LogLostPart(ILogger logger, Exception exception, string runId, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} is taken up by an activation on silo {Silo}.")]
    private static partial void LogTakingUp(ILogger logger, string runId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}'s activation was deactivated while it drove the run ({Reason}).")]
    private static partial void LogDeactivatedWhileRunning(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} could not restore its shards yet ({Reason}); trying again.")]
    private static partial void LogRestoreRetry(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} recovered: {What}")]
    private static partial void LogRecovered(ILogger logger, string runId, string what);
}
