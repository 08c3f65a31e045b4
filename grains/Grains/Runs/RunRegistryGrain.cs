using System.Diagnostics;
using System.Globalization;
using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Ecosystem;
using GbaSim.Grains.Experiments;
using GbaSim.Grains.Scenarios;
using GbaSim.Grains.Storage;
using GbaSim.Model.World;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbaSim.Grains.Runs;

/// <summary>
/// The silo's runs (see <see cref="IRunRegistryGrain"/>): it checks and records submissions,
/// queues them, starts at most <see cref="RunRegistryOptions.MaxConcurrentRuns"/> at once (a fork
/// group takes one place), cancels on request, and keeps the newest finished runs' actors for
/// inspection while releasing older ones.
/// </summary>
public sealed partial class RunRegistryGrain(IResultsStore store, IStoreWriteHealth storeHealth, ScenarioLibrary library, IOptions<RunRegistryOptions> options, IClusterMembershipService membership, ILogger<RunRegistryGrain> logger)
    : Grain, IRunRegistryGrain, IRunQueue
{
    private readonly LinkedList<QueuedWork> _queue = new();
    private readonly Dictionary<string, QueuedWork> _running = new(StringComparer.Ordinal);
    private readonly Queue<string> _retained = new();

    private RunRegistryOptions Options => options.Value;

    public async Task<RunInfo> Submit(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scale = CheckScale(request.Scale);
        var (shards, threads, granularity) = CheckHosting(request.Shards, request.Threads, request.Granularity);
        if (request.Months is < 1)
        {
            throw RequestRejectedException.BadArgument($"months must be at least 1; got {request.Months}.");
        }
        string text;
        string? path;
        if (request.LibraryScenario is { } libraryPath)
        {
            text = library.Text(libraryPath) ?? throw RequestRejectedException.NotFound($"The scenario library has no file '{libraryPath}'.");
            path = libraryPath;
        }
        else
        {
            text = request.Text ?? throw RequestRejectedException.BadArgument("The request holds no scenario: send its YAML, or name a library scenario.");
            path = request.Path;
        }
        ThrowIfQueueFull(1);
        var scenario = ScenarioLibraryGrain.Parse(library, text, path);
        ThrowIfStoreCannotWrite();
        var plan = Plan(scenario, text, path, request.Seed ?? scenario.Seed, scale ?? scenario.Scale, request.Months, shards, threads, granularity, CheckCheckpoints(request.CheckpointEvery));
        Record(plan, scenario);
        _queue.AddLast(new QueuedWork(plan, null, []));
        LogQueued(logger, plan.RunId, scenario.Name, plan.Seed, plan.Model.Scale);
        await StartWaitingWork();
        return RunInfos.From(store.GetRun(plan.RunId)!);
    }

    public async Task<ExperimentInfo> SubmitExperiment(ExperimentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var experiment = ExperimentCheck.Check(request, library, Options.MaxQueuedRuns);
        var (shards, threads, granularity) = CheckHosting(null, request.Threads, null);
        ThrowIfQueueFull(experiment.Seeds.Count * (1 + experiment.Variants.Count));
        ThrowIfStoreCannotWrite();
        var runs = new List<ExperimentRunInfo>();
        var groups = new List<QueuedWork>();
        try
        {
            foreach (var seed in experiment.Seeds)
            {
                var baseline = experiment.Baseline;
                var lead = Plan(baseline.Scenario, baseline.Text, baseline.Path, seed, experiment.Scale, null, shards, threads, granularity, 0);
                Record(lead, baseline.Scenario);
                runs.Add(new ExperimentRunInfo(baseline.Label, Seed(seed), RunInfos.From(store.GetRun(lead.RunId)!)));
                var variants = new List<RunPlan>();
                foreach (var variant in experiment.Variants)
                {
                    var plan = Plan(variant.Scenario, variant.Text, variant.Path, seed, experiment.Scale, null, shards, threads, granularity, 0);
                    Record(plan, variant.Scenario);
                    variants.Add(plan);
                    runs.Add(new ExperimentRunInfo(variant.Label, Seed(seed), RunInfos.From(store.GetRun(plan.RunId)!)));
                }
                groups.Add(new QueuedWork(lead, experiment.ForkAt, variants));
            }
        }
        catch (RequestRejectedException ex) when (ex.Kind == RejectionKind.Unavailable)
        {
            // The store failed part way: the runs already recorded will never start, so they end here.
            foreach (var run in runs)
            {
                store.Finish(run.Run.Id, RunStatus.Failed, "Not started: the results store could not record the rest of its experiment.", DateTimeOffset.UtcNow);
            }
            throw;
        }
        foreach (var group in groups)
        {
            _queue.AddLast(group);
            LogForkGroupQueued(logger, group.Variants.Count + 1, group.Lead.Seed, experiment.ForkAt);
        }
        await StartWaitingWork();
        return new ExperimentInfo(experiment.ForkAt, runs);
    }

    public async Task<RunInfo> Resume(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var record = store.GetRun(runId) ?? throw RequestRejectedException.NotFound($"There is no run '{runId}'.");
        if (record.Status is not (RunStatus.Interrupted or RunStatus.Running))
        {
            throw RequestRejectedException.Conflict($"Run '{runId}' is {record.Status.Name()}; only an interrupted run can be resumed.");
        }
        if (record.Granularity != Granularity.Shard)
        {
            throw RequestRejectedException.Conflict($"Run '{runId}' ran with granularity {record.Granularity}, which keeps no checkpoints; run it again instead.");
        }
        var scenario = ScenarioLibraryGrain.Parse(library, record.ScenarioText, record.SourcePath.Length > 0 ? record.SourcePath : null);
        var plan = Plan(scenario, record.ScenarioText, record.SourcePath.Length > 0 ? record.SourcePath : null, record.Seed, record.Scale, record.Months,
            record.Shards, record.Threads, record.Granularity, null) with { RunId = runId };
        if (record.Status == RunStatus.Interrupted)
        {
            ThrowIfStoreCannotWrite();
            store.Resume(runId, DateTimeOffset.UtcNow);
            LogResumed(logger, runId, store.LatestCheckpoint(runId)?.NextStep ?? 0);
        }
        // A running run's grain that is alive ignores this; one lost with its silo takes the run up again.
        _running.TryAdd(runId, new QueuedWork(plan, null, []));
        await GrainFactory.GetGrain<IRunControl>(runId).Resume(plan);
        return RunInfos.From(store.GetRun(runId)!, store.Recoveries(runId));
    }

    public async Task<RunInfo> Cancel(string runId)
    {
        var record = store.GetRun(runId) ?? throw RequestRejectedException.NotFound($"There is no run '{runId}'.");
        if (record.Status.IsFinished())
        {
            throw RequestRejectedException.Conflict($"Run '{runId}' has already finished ({record.Status.Name()}); there is nothing to cancel.");
        }
        if (record.Status == RunStatus.Queued)
        {
            // Shown as cancelled at once; a fork group that still has members wanted runs without it.
            store.Finish(runId, RunStatus.Cancelled, "Cancelled before it started.", DateTimeOffset.UtcNow);
            var work = _queue.FirstOrDefault(w => w.Runs.All(r => store.GetRun(r.RunId)?.Status.IsFinished() == true));
            if (work is not null)
            {
                _queue.Remove(work);
            }
        }
        await GrainFactory.GetGrain<IRunControl>(runId).Cancel(record.Status == RunStatus.Queued ? "Cancelled before it started." : "");
        return RunInfos.From(store.GetRun(runId)!);
    }

    /// <summary>Runs whose actors can be inspected: those held in memory, and completed runs of granularity shard, whose final state is kept as a checkpoint.</summary>
    public Task<IReadOnlyList<string>> Inspectable() =>
        Task.FromResult<IReadOnlyList<string>>([.. _running.Values.SelectMany(w => w.Runs.Select(r => r.RunId)).Concat(_retained)
            .Concat(store.ListRuns(500).Where(r => r.Status == RunStatus.Completed && r.Granularity == Granularity.Shard).Select(r => r.Id))
            .Distinct(StringComparer.Ordinal)]);

    public async Task<bool> Forget(string runId)
    {
        if (_running.Values.Any(w => w.Runs.Any(r => r.RunId == runId)) || _queue.Any(w => w.Runs.Any(r => r.RunId == runId)))
        {
            throw RequestRejectedException.Conflict($"Run '{runId}' is queued or running: cancel it first, then delete it.");
        }
        if (!_retained.Contains(runId))
        {
            return false;
        }
        var kept = _retained.Where(id => id != runId).ToArray();
        _retained.Clear();
        foreach (var id in kept)
        {
            _retained.Enqueue(id);
        }
        await GrainFactory.GetGrain<IRunControl>(runId).Release();
        return true;
    }

    public async Task RunEnded(string runId)
    {
        if (_running.Remove(runId, out var work))
        {
            foreach (var run in work.Runs)
            {
                _retained.Enqueue(run.RunId);
            }
            while (_retained.Count > Math.Max(0, Options.RetainedRuns))
            {
                await GrainFactory.GetGrain<IRunControl>(_retained.Dequeue()).Release();
            }
        }
        await StartWaitingWork();
    }

    private async Task StartWaitingWork()
    {
        while (_running.Count < Math.Max(1, Options.MaxConcurrentRuns) && _queue.First is { } first)
        {
            _queue.RemoveFirst();
            var work = first.Value;
            if (work.Runs.All(r => store.GetRun(r.RunId)?.Status.IsFinished() == true))
            {
                continue;
            }
            _running[work.Lead.RunId] = work;
            var lead = GrainFactory.GetGrain<IRunControl>(work.Lead.RunId);
            await (work.ForkAt is { } forkAt ? lead.StartForkGroup(work.Lead, forkAt, work.Variants) : lead.Start(work.Lead));
        }
    }

    private void ThrowIfQueueFull(int runs)
    {
        var waiting = _queue.Sum(w => 1 + w.Variants.Count);
        if (waiting + runs > Options.MaxQueuedRuns)
        {
            throw new RequestRejectedException(RejectionKind.Busy,
                $"The silo is busy: its run queue is full ({waiting} of at most {Options.MaxQueuedRuns} runs waiting, {runs} more asked for); try again when some have started.");
        }
    }

    /// <summary>Refuses new work while the store cannot write, rather than accepting runs that can only fail.</summary>
    private void ThrowIfStoreCannotWrite()
    {
        if (!storeHealth.CanWrite(out var problem))
        {
            throw Unavailable(problem ?? "the results store cannot write");
        }
    }

    private static RequestRejectedException Unavailable(string problem) => new(RejectionKind.Unavailable,
        $"The silo takes no new runs now because {problem}. Free space on the silo's disk (or fix it); the silo's /ready answers 200 again once the store can write.");

    private RunPlan Plan(ScenarioDefinition scenario, string text, string? path, ulong seed, double scale, int? months, int shards, int threads, string granularity, int? checkpointEvery)
    {
        var id = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var model = new EcosystemModelSpec(text, path, scale, string.IsNullOrWhiteSpace(Options.FaultGrain) ? null : Options.FaultGrain, Options.FaultMonth);
        return new RunPlan(id, scenario.Name, model, seed, Math.Clamp(months ?? scenario.HorizonMonths, 1, scenario.HorizonMonths),
            shards, threads, granularity, Options.ChainTraceEvery, Activity.Current?.Id, checkpointEvery ?? Options.CheckpointEvery);
    }

    private void Record(RunPlan plan, ScenarioDefinition scenario)
    {
        try
        {
            store.CreateRun(new RunRecord(
                plan.RunId, scenario.Name, scenario.Description, scenario.SourcePath, plan.Model.ScenarioText, plan.Seed, plan.Model.Scale,
                plan.Months, plan.Threads, RunStatus.Queued, DateTimeOffset.UtcNow, null, null, 0, null, null, null, null, plan.Shards, plan.Granularity));
        }
        catch (StoreWriteException ex)
        {
            throw Unavailable(ex.Message);
        }
    }

    private static int? CheckCheckpoints(int? every) =>
        every is < 0 ? throw RequestRejectedException.BadArgument($"checkpoint-every must be 0 (none) or a number of months; got {every}.") : every;

    private static double? CheckScale(double? scale) =>
        scale is { } s && !(s > 0 && s <= FirmGenerator.MaxScale) ? throw RequestRejectedException.BadArgument(string.Create(CultureInfo.InvariantCulture, $"scale must be in (0, {FirmGenerator.MaxScale}]; got {s}.")) : scale;

    private (int Shards, int Threads, string Granularity) CheckHosting(int? shards, int? threads, string? granularity)
    {
        // A run stepped one shard at a time gains nothing from more shards than there are silos to
        // spread them over, and each shard adds grain calls to every step: a comparison's runs at
        // scale 0.05 took 20% less time on one shard than on eight (same hashes, as always).
        var count = shards ?? (threads == 1 ? Math.Min(SilosUp(), Options.Shards) : Options.Shards);
        if (count < 1 || count > Options.MaxShards)
        {
            throw RequestRejectedException.BadArgument($"shards must be between 1 and {Options.MaxShards}; got {count}.");
        }
        if (threads is < 0 || threads > Options.MaxShards)
        {
            throw RequestRejectedException.BadArgument($"threads must be from 0 (every shard at once) to {Options.MaxShards}; got {threads}.");
        }
        var hosting = granularity ?? Granularity.Shard;
        if (!Granularity.IsKnown(hosting))
        {
            throw RequestRejectedException.BadArgument($"granularity must be '{Granularity.Shard}' or '{Granularity.Entity}'; got '{granularity}'.");
        }
        return (count, threads ?? Options.Threads, hosting);
    }

    private int SilosUp() => Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));

    private static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of scenario {Scenario} queued (seed {Seed}, scale {Scale}).")]
    private static partial void LogQueued(ILogger logger, string runId, string scenario, ulong seed, double scale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} resumed from its checkpoint at step {Step}.")]
    private static partial void LogResumed(ILogger logger, string runId, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fork group of {Count} runs (seed {Seed}) queued; they share their past until {ForkAt}.")]
    private static partial void LogForkGroupQueued(ILogger logger, int count, ulong seed, string forkAt);
}
