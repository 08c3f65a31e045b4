using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Telemetry;
using GbaSim.Model;
using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Options;

namespace GbaSim.Engine.Runs;

/// <summary>
/// One run of a scenario on an in-process grain runtime. It steps through the horizon (one
/// extra step collects the last month's reports), hands each month to the caller as it
/// completes, and keeps its grains after finishing so they can still be inspected. Requests to
/// inspect a grain while the run is stepping are served between steps, never during one.
/// A run may also stop at a month (<see cref="RunUntil"/>) to be the shared past of branches
/// (<see cref="Branch"/>), each of which continues as a variant from that month.
/// </summary>
public sealed class ScenarioRun : IDisposable
{
    private readonly GrainRuntime<EcosystemMessage> _runtime;
    private readonly ConcurrentQueue<(string Type, string Key, TaskCompletionSource<string?> Answer)> _inspections = new();
    private readonly Lock _gate = new();
    private readonly RunOptions _options;
    private readonly MonthObserver _observer;
    private readonly SummaryBuilder _summary;
    private readonly List<MonthRecord> _history = [];
    private readonly int? _monthsLimit;
    private bool _stepping;

    public ScenarioRun(ScenarioDefinition scenario, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Scenario = scenario;
        _options = options;
        Seed = options.Seed ?? scenario.Seed;
        Scale = options.Scale ?? scenario.Scale;
        _monthsLimit = options.Months;
        MonthsTotal = Math.Clamp(options.Months ?? scenario.HorizonMonths, 1, scenario.HorizonMonths);
        (_runtime, World) = EcosystemWorld.Build(scenario, Seed, Scale, new RuntimeOptions { Threads = options.Threads, Partitions = options.Partitions }, options.Fault);
        _observer = new MonthObserver(_runtime, World, scenario.Start);
        _summary = new SummaryBuilder(Scale);
    }

    /// <summary>A branch: the past's grains copied into the variant's world, its months replayed as the variant's.</summary>
    private ScenarioRun(ScenarioRun past, ScenarioDefinition variant)
    {
        Scenario = variant;
        _options = past._options;
        Seed = past.Seed;
        Scale = past.Scale;
        _monthsLimit = past._monthsLimit;
        MonthsTotal = Math.Clamp(_monthsLimit ?? variant.HorizonMonths, 1, variant.HorizonMonths);
        World = new WorldModel(variant.World, Scale, variant.PolicySpecs(), Seed);
        var world = World;
        var types = EcosystemModel.Register(world);
        _runtime = past._runtime.Fork(types, (_, grain) => CopyInto(grain, world));
        try
        {
            // The variant's own policies have not started: their grains are as new.
            for (var i = past.World.Schedule.Policies.Count; i < world.Schedule.Policies.Count; i++)
            {
                _runtime.Add(ModelActors.PolicyId(i), types.Activate(ModelActors.PolicyId(i)));
            }
            _observer = new MonthObserver(_runtime, world, variant.Start) { PoliciesLastStep = ScenarioFork.PoliciesFor(past._observer.PoliciesLastStep, variant) };
            _summary = new SummaryBuilder(Scale);
            foreach (var month in past._history)
            {
                var own = ScenarioFork.ForVariant(month, variant);
                _history.Add(own);
                _summary.Add(own);
            }
            MonthsDone = past.MonthsDone;
        }
        catch
        {
            _runtime.Dispose();
            throw;
        }
    }

    public ScenarioDefinition Scenario { get; }

    public WorldModel World { get; }

    public ulong Seed { get; }

    public double Scale { get; }

    public int MonthsTotal { get; }

    public int MonthsDone { get; private set; }

    /// <summary>Steps completed; a run stopped by <see cref="RunUntil"/> at month m has simulated the months before m.</summary>
    public long Step => _runtime.Step;

    /// <summary>
    /// The months kept for branches: for a run stopped by <see cref="RunUntil"/>, the months it
    /// recorded; for a branch, the shared past's months as the variant records them.
    /// </summary>
    public IReadOnlyList<MonthRecord> History => _history;

    /// <summary>
    /// Runs on to the end of the horizon (from wherever the run stands: the start, a month
    /// reached by <see cref="RunUntil"/>, or a branch's fork month) and returns the result, whose
    /// summary covers every month, the shared ones included.
    /// </summary>
    public RunResult Execute(Action<MonthRecord>? onMonth = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var steps = MonthsTotal + 1;
        using var span = RunSpan.Start(Scenario.Name, _options.RunId, Seed, Scale, MonthsTotal, _options.RequestedBy);
        var chains = StartChainTraces();
        try
        {
            while (_runtime.Step < steps)
            {
                if (StepOnce(cancellationToken) is { } month)
                {
                    chains?.Observe(month.Index, month.Transitions);
                    onMonth?.Invoke(month);
                }
            }
            var result = new RunResult(Scenario.Name, Seed, Scale, MonthsTotal, _runtime.Step, clock.Elapsed.TotalSeconds, _runtime.ComputeResultHash(), _summary.Build());
            span.Completed(result);
            return result;
        }
        catch (Exception ex)
        {
            span.Failed(ex);
            throw;
        }
        finally
        {
            chains?.Complete(MonthsDone);
            ServeInspections();
        }
    }

    /// <summary>
    /// Runs the months before <paramref name="forkAt"/> and stops, keeping the months it records
    /// (see <see cref="History"/>) for the branches made from here with <see cref="Branch"/>. The
    /// month before the fork is completed by the branches, whose first step collects its reports.
    /// </summary>
    public void RunUntil(YearMonth forkAt, Action<MonthRecord>? onMonth = null, CancellationToken cancellationToken = default)
    {
        var step = ScenarioFork.StepOf(Scenario, forkAt);
        if (step > MonthsTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(forkAt), forkAt, $"This run simulates only {MonthsTotal} months, up to {Scenario.Start.AddMonths(MonthsTotal - 1)}.");
        }
        if (_runtime.Step > step)
        {
            throw new InvalidOperationException($"This run has already simulated {_runtime.Step} steps, past {forkAt}.");
        }
        if (_history.Count != MonthsDone)
        {
            throw new InvalidOperationException("This run stepped on without keeping its months, so it can no longer be the past of branches.");
        }
        try
        {
            while (_runtime.Step < step)
            {
                if (StepOnce(cancellationToken) is { } month)
                {
                    _history.Add(month);
                    onMonth?.Invoke(month);
                }
            }
        }
        finally
        {
            ServeInspections();
        }
    }

    /// <summary>A chain tracer if anyone listens to chain spans and the options sample any technology.</summary>
    private ChainTracer? StartChainTraces()
    {
        var options = _options.ChainTraces ?? ChainTraceOptions.ForScale(Scale);
        if (!options.Enabled || !ChainTracer.Source.HasListeners())
        {
            return null;
        }
        var salt = string.Create(CultureInfo.InvariantCulture, $"{Scenario.Name}/{Seed}/{Scale:R}/{_options.RunId}");
        return new ChainTracer(options, Scenario.Start, [.. World.Institutions.Select(i => i.Key)], salt, _options.RunId);
    }

    /// <summary>
    /// A new run of <paramref name="variant"/> that starts from <paramref name="past"/>'s state:
    /// the past's grains copied into the variant's world (same seed and scale), the variant's
    /// new policies added, and the past's months replayed into its summary. Run to the end with
    /// <see cref="Execute"/>, it gives the same months, summary and result hash as a run of the
    /// variant from the start. The past is left as it was and may be branched again. Throws
    /// <see cref="ArgumentException"/> if the variant changes anything that acts before the fork
    /// (see <see cref="ScenarioFork.Check"/>).
    /// </summary>
    public static ScenarioRun Branch(ScenarioRun past, ScenarioDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(variant);
        if (past._history.Count != past.MonthsDone)
        {
            throw new InvalidOperationException("Only a run stopped with RunUntil can be branched: it keeps the months its branches share.");
        }
        var forkAt = past.Scenario.Start.AddMonths((int)past.Step);
        ScenarioFork.Check(past.Scenario, variant, forkAt);
        var months = Math.Clamp(past._monthsLimit ?? variant.HorizonMonths, 1, variant.HorizonMonths);
        if (past.Step > months)
        {
            throw new ArgumentException($"Variant '{variant.Name}' simulates {months} months, fewer than the {past.Step} its past has already run.", nameof(variant));
        }
        return new ScenarioRun(past, variant);
    }

    /// <summary>
    /// The state of a grain (type and key as people write them) as JSON, or null if there is no
    /// such grain. While the run steps, the answer comes between two steps.
    /// </summary>
    public Task<string?> InspectAsync(string type, string key)
    {
        lock (_gate)
        {
            if (!_stepping)
            {
                return Task.FromResult(Inspect(type, key));
            }
            var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inspections.Enqueue((type, key, answer));
            return answer.Task;
        }
    }

    public void Dispose() => _runtime.Dispose();

    private MonthRecord? StepOnce(CancellationToken cancellationToken)
    {
        ServeInspections();
        SetStepping(true);
        try
        {
            _runtime.RunStep(cancellationToken);
        }
        finally
        {
            SetStepping(false);
        }
        if (_observer.Observe(_runtime.Step - 1) is not { } month)
        {
            return null;
        }
        _summary.Add(month);
        ModelMetrics.Record(month);
        MonthsDone = month.Index + 1;
        return month;
    }

    private static Actor<EcosystemMessage> CopyInto(Actor<EcosystemMessage> grain, WorldModel world) => grain switch
    {
        EcosystemActor model => model.CopyInto(world),
        FaultingActor faulting => faulting.Around(CopyInto(faulting.Inner, world)),
        _ => throw new InvalidOperationException($"A grain of type {grain.GetType().Name} cannot be copied into a forked run."),
    };

    private void SetStepping(bool stepping)
    {
        lock (_gate)
        {
            _stepping = stepping;
        }
    }

    private void ServeInspections()
    {
        while (_inspections.TryDequeue(out var request))
        {
            request.Answer.TrySetResult(Inspect(request.Type, request.Key));
        }
    }

    private string? Inspect(string type, string key)
    {
        if (!ActorNames.TryParse(World, type, key, out var id))
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            if (!_runtime.TryWriteState(id, json))
            {
                return null;
            }
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
