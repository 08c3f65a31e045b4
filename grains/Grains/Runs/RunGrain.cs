using System.Diagnostics;
using System.Globalization;
using GbaSim.Contracts;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Telemetry;
using GbaSim.Grains.Ecosystem;
using GbaSim.Grains.Sharding;
using GbaSim.Grains.Storage;
using GbaSim.Grains.Telemetry;
using GbaSim.Model.World;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace GbaSim.Grains.Runs;

/// <summary>
/// Owns one run from start to end: builds its world on its shard grains, drives the steps as a
/// barrier over them, puts each month together from the shards' reports, records it and tells
/// watchers, takes cancellation, forks its branches (as a fork group's baseline) and finally
/// hashes the result. The run's loop runs in the background of the grain, so watching,
/// inspecting and cancelling are answered while it runs; inspection comes between steps.
/// </summary>
public sealed partial class RunGrain(
    IResultsStore store,
    EcosystemWorlds worlds,
    IClusterMembershipService membership,
    IOptions<RunRegistryOptions> options,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRunControl
{
    private readonly CancellationTokenSource _cancel = new();
    private RunPlan? _plan;
    private RunRecorder? _recorder;
    private EcosystemWorld? _world;
    private ShardSet? _shards;
    private ForkGroup? _group;
    private Task? _loop;
    private string? _pastRunKey;
    private string _cancelReason = "";

    private string Id => this.GetPrimaryKeyString();

    public Task Start(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Begin(plan))
        {
            _loop = Execute(() => _shards!.Initialize(i => Setup(plan, i)), null);
        }
        return Task.CompletedTask;
    }

    public Task Resume(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Begin(plan))
        {
            _loop = Execute(null, null);
        }
        return Task.CompletedTask;
    }

    public Task StartBranch(RunPlan plan, string pastRunKey, IReadOnlyList<IReadOnlyList<ActorReport>> past)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Begin(plan))
        {
            _pastRunKey = pastRunKey;
            _loop = Execute(() => _shards!.ForkFrom(pastRunKey, i => Setup(plan, i)), past);
        }
        return Task.CompletedTask;
    }

    public Task Cancel(string reason)
    {
        _cancelReason = reason;
        if (_plan is null || _loop is { IsCompleted: true })
        {
            // Nothing runs it here (not started, or its loop has ended): end its record if still open, and tell whoever watches.
            var record = store.GetRun(Id) ?? throw RequestRejectedException.NotFound($"There is no run '{Id}'.");
            if (!record.Status.IsFinished())
            {
                store.Finish(Id, RunStatus.Cancelled, reason.Length > 0 ? reason : "Cancelled; nothing was running it any more.", DateTimeOffset.UtcNow);
            }
            Recorder(0).End(RunInfos.From(store.GetRun(Id)!));
        }
        _cancel.Cancel();
        return Task.CompletedTask;
    }

    public async Task Release()
    {
        if (_shards is { } shards)
        {
            _shards = null;
            await shards.Release();
        }
        _world = null;
        DeactivateOnIdle();
    }

    public async Task Forget()
    {
        await Release();
        if (store.GetRun(Id) is { Granularity: Granularity.Shard, Shards: > 0 } record)
        {
            // The shards' slots may live outside the results store (Redis in a cluster), so each shard clears its own.
            await Task.WhenAll(Enumerable.Range(0, record.Shards).Select(i => GrainFactory.GetGrain<IShardGrain>(ShardSetup.ShardKey(Id, i)).Forget()));
        }
    }

    public async Task<string> Inspect(string type, string key)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(key);
        if (_world is not { } world || _shards is not { } shards || _plan is not { } plan)
        {
            return await InspectCheckpoint(type, key);
        }
        if (!ActorNames.TryParse(world.World, type, key, out var id))
        {
            throw RequestRejectedException.NotFound($"Run '{Id}' has no actor '{type}/{key}'. Actors are named city/<city>, institution/<key>, firm/<name>, ledger/<city> or policy/<name>.");
        }
        return await shards[id.ShardOf(plan.Shards)].Inspect(type, key)
            ?? throw RequestRejectedException.NotFound($"Run '{Id}' has no actor '{type}/{key}' yet (a firm founded later, or one that never started).");
    }

    /// <summary>An actor of a run that no longer holds its actors, as the run's last checkpoint keeps it.</summary>
    private async Task<string> InspectCheckpoint(string type, string key)
    {
        var record = store.GetRun(Id) ?? throw RequestRejectedException.NotFound($"There is no run '{Id}'.");
        var manifest = store.LatestCheckpoint(Id)
            ?? throw RequestRejectedException.NotFound($"Run '{Id}' holds no actors and kept no checkpoint ({record.Status.Name()}, granularity {record.Granularity}); its figures remain in its results.");
        var spec = new EcosystemModelSpec(record.ScenarioText, record.SourcePath.Length > 0 ? record.SourcePath : null, record.Scale, null, 0);
        var world = worlds.Get(spec, record.Seed);
        if (!ActorNames.TryParse(world.World, type, key, out var id))
        {
            throw RequestRejectedException.NotFound($"Run '{Id}' has no actor '{type}/{key}'. Actors are named city/<city>, institution/<key>, firm/<name>, ledger/<city> or policy/<name>.");
        }
        return await GrainFactory.GetGrain<IShardGrain>(ShardSetup.ShardKey(Id, id.ShardOf(manifest.Shards))).Inspect(type, key)
            ?? throw RequestRejectedException.NotFound($"Run '{Id}' had no actor '{type}/{key}' at its last checkpoint (step {manifest.NextStep}).");
    }

    /// <summary>Takes the plan; false if the run has already started (a repeated call).</summary>
    private bool Begin(RunPlan plan)
    {
        if (_plan is not null)
        {
            return false;
        }
        if (plan.RunId != Id)
        {
            throw new ArgumentException($"Run grain {Id} was given the plan of run {plan.RunId}.", nameof(plan));
        }
        _plan = plan;
        Recorder(plan.Months);
        _shards = new ShardSet(GrainFactory, plan.RunId, plan.Shards, plan.Threads);
        // The run and its actors live in memory until the registry releases them.
        DelayDeactivation(TimeSpan.FromDays(3650));
        return true;
    }

    private RunRecorder Recorder(int months) => _recorder ??= new RunRecorder(store, Id, months);

    private static ShardSetup Setup(RunPlan plan, int index) => new(plan.RunId, index, plan.Shards, plan.Seed, plan.Granularity, plan.Model);

    /// <param name="setUpShards">How the shards get their actors; null to go on from the run's last checkpoint (a resumed run).</param>
    private async Task Execute(Func<Task>? setUpShards, IReadOnlyList<IReadOnlyList<ActorReport>>? past)
    {
        var plan = _plan!;
        var recorder = _recorder!;
        var clock = Stopwatch.StartNew();
        var span = default(RunSpan);
        ChainTracer? chains = null;
        var ownRecord = store.GetRun(Id)?.Status.IsFinished() != true;
        var superseded = false;
        try
        {
            if (ownRecord && setUpShards is not null)
            {
                store.MarkStarted(Id, DateTimeOffset.UtcNow);
            }
            _world = worlds.Get(plan.Model, plan.Seed);
            var scenario = _world.Scenario;
            span = RunSpan.Start(scenario.Name, Id, plan.Seed, plan.Model.Scale, plan.Months, RequestedBy(plan));
            chains = ChainTraces(plan, _world);
            _silosAtStart = ActiveSilos();
            var progress = new RunProgress(_world.World, scenario.Start, plan.Model.Scale);
            var step = 0L;
            if (setUpShards is null)
            {
                step = await TakeUp(progress);
            }
            else
            {
                await setUpShards();
            }
            foreach (var reports in past ?? [])
            {
                if (progress.Observer.Observe(step++, PastFigures(reports, _world.World)) is { } month)
                {
                    progress.Summary.Add(month);
                    await recorder.Month(month, CancellationToken.None);
                }
            }
            for (var steps = plan.Months + 1; step < steps; step++)
            {
                if (_group is { } group && step == group.ForkStep)
                {
                    // Before the fork step, not after the step before it: a fork at the first month has no step before it.
                    await RunBranches(group);
                    ownRecord &= store.GetRun(Id)?.Status.IsFinished() != true;
                    if (!ownRecord)
                    {
                        throw new OperationCanceledException();
                    }
                }
                if (_cancel.IsCancellationRequested && (_group is null || step >= _group.ForkStep || !_group.AnyBranchWanted(store)))
                {
                    throw new OperationCanceledException();
                }
                IReadOnlyList<ActorReport> reports;
                try
                {
                    reports = await Step(step);
                }
                catch (Exception ex) when (CanRecover(ex))
                {
                    // Back to the last checkpoint; the loop's increment then runs the step it kept.
                    step = await Recover(ex, step, progress, recorder) - 1;
                    continue;
                }
                _group?.Keep(step, reports);
                if (progress.Observer.Observe(step, EcosystemShardModel.Figures(reports)) is { } month)
                {
                    progress.Summary.Add(month);
                    // Months re-run after going back to a checkpoint are recorded already, and identical.
                    if (month.Index >= recorder.MonthsDone)
                    {
                        ModelMetrics.Record(month);
                        chains?.Observe(month.Index, month.Transitions);
                        if (ownRecord)
                        {
                            await recorder.Month(month, _group is null || step >= _group.ForkStep ? _cancel.Token : CancellationToken.None);
                        }
                    }
                }
                if (CheckpointDue(plan, step))
                {
                    try
                    {
                        await Checkpoint(step + 1, progress, recorder);
                    }
                    catch (Exception ex) when (CanRecover(ex))
                    {
                        // A checkpoint cut short by a lost silo never commits: back to the one before.
                        step = await Recover(ex, step + 1, progress, recorder) - 1;
                    }
                }
            }
            var hash = await _shards!.ResultHash();
            if (plan.Granularity == Granularity.Shard)
            {
                // The final state, so that the run's actors can be inspected after they are let go.
                await Checkpoint(step, progress, recorder);
            }
            await recorder.Flush();
            var result = new RunResult(scenario.Name, plan.Seed, plan.Model.Scale, plan.Months, step, clock.Elapsed.TotalSeconds, hash, progress.Summary.Build());
            store.Complete(Id, result, DateTimeOffset.UtcNow);
            span.Completed(result);
            LogCompleted(logger, Id, result.Seconds, hash);
        }
        catch (OperationCanceledException)
        {
            var reason = _cancelReason.Length > 0 ? _cancelReason : $"Cancelled after {recorder.MonthsDone} of {plan.Months} months.";
            await FinishUnlessFinished(recorder, RunStatus.Cancelled, reason);
            LogCancelled(logger, Id);
        }
        catch (StoreWriteException ex)
        {
            span.Failed(ex);
            await FinishUnlessFinished(recorder, RunStatus.Failed, $"Stopped after {StoredMonths(recorder)} of {plan.Months} months: {ex.Message}. The months before are kept; free space on the silo's disk, then run it again.");
            LogStoreFailed(logger, Id, ex.Message);
        }
        catch (GbaSim.Grains.Sharding.SupersededStepException ex)
        {
            // Another activation of this run (a silo's death can briefly leave two) took it up from a checkpoint and owns it now.
            superseded = true;
            LogSuperseded(logger, Id, ex.Message);
        }
        catch (RunFailedException ex)
        {
            span.Failed(ex);
            await FinishUnlessFinished(recorder, RunStatus.Failed, ex.Message);
            LogFailed(logger, Id, ex.Message);
        }
        catch (Exception ex)
        {
            span.Failed(ex);
            await FinishUnlessFinished(recorder, RunStatus.Failed, $"The run failed: {ex.Message}");
            LogFailedUnexpectedly(logger, ex, Id);
        }
        finally
        {
            chains?.Complete(recorder.MonthsDone);
            span.Dispose();
            if (superseded)
            {
                // The new driver ends the run and tells its own watchers; those here follow it through the store.
                recorder.HandOver();
            }
            else
            {
                try
                {
                    recorder.End(FinalInfo(plan));
                }
                finally
                {
                    await Ended();
                }
            }
        }
    }

    /// <summary>Months the store holds for the run (those handed to its writer if the store cannot even be read).</summary>
    private int StoredMonths(RunRecorder recorder)
    {
        try
        {
            return store.GetRun(Id)?.MonthsDone ?? 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return recorder.MonthsDone;
        }
    }

    /// <summary>The run's final record for its watchers; if even reading the store fails, what the grain knows, marked failed.</summary>
    private RunInfo FinalInfo(RunPlan plan)
    {
        try
        {
            return RunInfos.From(store.GetRun(Id)!, store.Recoveries(Id));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFinalUnreadable(logger, ex, Id);
            return new RunInfo(Id, plan.ScenarioName, null, RunStatusNames.Failed, plan.Seed.ToString(CultureInfo.InvariantCulture), plan.Model.Scale, plan.Months,
                _recorder?.MonthsDone ?? 0, plan.Threads, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow, null, null, "The run ended, but the results store could not be read to record how.", null, plan.Shards, plan.Granularity);
        }
    }

    /// <summary>Runs one step on every shard; throws <see cref="RunFailedException"/> naming the lowest actor that failed.</summary>
    private async Task<IReadOnlyList<ActorReport>> Step(long step)
    {
        using var span = RunTelemetry.StartStep(step);
        var started = Stopwatch.GetTimestamp();
        var outcomes = await _shards!.Step(step);
        RunTelemetry.StepFinished(span, started, outcomes.Sum(o => o.Turns), outcomes.Sum(o => o.Delivered), outcomes.Sum(o => o.Activations));
        var failed = outcomes.Where(o => o.Failure is not null).OrderBy(o => o.FailedActorOrder).FirstOrDefault();
        if (failed is not null)
        {
            span?.SetStatus(ActivityStatusCode.Error, failed.Failure);
            throw new RunFailedException(failed.Failure!);
        }
        return outcomes.SelectMany(o => o.Reports).ToArray();
    }

    /// <summary>A past step's figures as this run reads them: policies it adds after the fork had not started, so spent nothing.</summary>
    private static StepFigures PastFigures(IReadOnlyList<ActorReport> reports, WorldModel world)
    {
        var figures = EcosystemShardModel.Figures(reports);
        foreach (var policy in world.Schedule.Policies)
        {
            figures.Policies.TryAdd(policy.Index, (0, 0));
        }
        return figures;
    }

    private async Task FinishUnlessFinished(RunRecorder recorder, RunStatus status, string message)
    {
        try
        {
            await recorder.Flush();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!message.Contains(ex.Message, StringComparison.Ordinal))
            {
                message = $"{message} (and storing its months failed: {ex.Message})";
            }
        }
        if (store.GetRun(Id)?.Status.IsFinished() != true)
        {
            store.Finish(Id, status, message, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Frees the run's place: a branch tells its baseline, any other run the registry.</summary>
    private Task Ended() => _pastRunKey is { } past
        ? GrainFactory.GetGrain<IRunControl>(past).BranchEnded(Id)
        : GrainFactory.GetGrain<IRunQueue>(IRunRegistryGrain.Key).RunEnded(Id);

    private static ChainTracer? ChainTraces(RunPlan plan, EcosystemWorld world)
    {
        var options = plan.ChainTraceEvery switch
        {
            0 => ChainTraceOptions.ForScale(plan.Model.Scale),
            < 0 => ChainTraceOptions.None,
            var every => new ChainTraceOptions(every),
        };
        if (!options.Enabled || !ChainTracer.Source.HasListeners())
        {
            return null;
        }
        var salt = string.Create(CultureInfo.InvariantCulture, $"{world.Scenario.Name}/{plan.Seed}/{plan.Model.Scale:R}/{plan.RunId}");
        return new ChainTracer(options, world.Scenario.Start, [.. world.World.Institutions.Select(i => i.Key)], salt, plan.RunId);
    }

    private static ActivityContext RequestedBy(RunPlan plan) =>
        plan.RequestedBy is { } parent && ActivityContext.TryParse(parent, null, out var context) ? context : default;

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed in {Seconds:F2} s; result hash {Hash}.")]
    private static partial void LogCompleted(ILogger logger, string runId, double seconds, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} is driven by another activation now; this one stands down: {Reason}")]
    private static partial void LogSuperseded(ILogger logger, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled.")]
    private static partial void LogCancelled(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string runId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped: {Message}")]
    private static partial void LogStoreFailed(ILogger logger, string runId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} ended, but its final record could not be read.")]
    private static partial void LogFinalUnreadable(ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed unexpectedly.")]
    private static partial void LogFailedUnexpectedly(ILogger logger, Exception exception, string runId);
}
