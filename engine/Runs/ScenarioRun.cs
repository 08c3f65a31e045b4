using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Contracts;
using GbaSim.Grains.World;
using GbaSim.Runtime.Hosting;
using GbaSim.Runtime.Options;

namespace GbaSim.Engine.Runs;

/// <summary>
/// One run of a scenario on an in-process grain runtime. It steps through the horizon (one
/// extra step collects the last month's reports), hands each month to the caller as it
/// completes, and keeps its grains after finishing so they can still be inspected. Requests to
/// inspect a grain while the run is stepping are served between steps, never during one.
/// </summary>
public sealed class ScenarioRun : IDisposable
{
    private readonly GrainRuntime<EcosystemMessage> _runtime;
    private readonly ConcurrentQueue<(string Type, string Key, TaskCompletionSource<string?> Answer)> _inspections = new();
    private readonly Lock _gate = new();
    private bool _stepping;

    public ScenarioRun(ScenarioDefinition scenario, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Scenario = scenario;
        Seed = options.Seed ?? scenario.Seed;
        Scale = options.Scale ?? scenario.Scale;
        MonthsTotal = Math.Clamp(options.Months ?? scenario.HorizonMonths, 1, scenario.HorizonMonths);
        (_runtime, World) = EcosystemWorld.Build(scenario, Seed, Scale, new RuntimeOptions { Threads = options.Threads, Partitions = options.Partitions }, options.Fault);
    }

    public ScenarioDefinition Scenario { get; }

    public WorldModel World { get; }

    public ulong Seed { get; }

    public double Scale { get; }

    public int MonthsTotal { get; }

    public int MonthsDone { get; private set; }

    public RunResult Execute(Action<MonthRecord>? onMonth = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var observer = new MonthObserver(_runtime, World, Scenario.Start);
        var summary = new SummaryBuilder(Scale);
        var steps = MonthsTotal + 1;
        try
        {
            while (_runtime.Step < steps)
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
                if (observer.Observe(_runtime.Step - 1) is { } month)
                {
                    summary.Add(month);
                    MonthsDone = month.Index + 1;
                    onMonth?.Invoke(month);
                }
            }
            return new RunResult(Scenario.Name, Seed, Scale, MonthsTotal, _runtime.Step, clock.Elapsed.TotalSeconds, _runtime.ComputeResultHash(), summary.Build());
        }
        finally
        {
            ServeInspections();
        }
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
        if (!GrainNames.TryParse(World, type, key, out var id))
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
