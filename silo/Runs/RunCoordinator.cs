using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Telemetry;
using GbaSim.Kernel.Hosting;
using GbaSim.Silo.Api;
using GbaSim.Silo.Hosting;
using GbaSim.Silo.Storage;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Runs;

/// <summary>
/// Accepts runs, queues them, and executes at most <see cref="SiloOptions.MaxConcurrentRuns"/>
/// at once, each on its own thread. A run that fails is recorded as failed and never takes the
/// silo down. Finished runs keep their grains for inspection until newer ones push them out.
/// </summary>
public sealed partial class RunCoordinator(IResultsStore store, IOptions<SiloOptions> options, ILogger<RunCoordinator> logger) : BackgroundService
{
    private readonly Channel<QueuedWork> _queue = Channel.CreateUnbounded<QueuedWork>();
    private readonly ConcurrentDictionary<string, ActiveRun> _runs = new(StringComparer.Ordinal);
    private readonly Queue<string> _retained = new();
    private readonly Lock _retainGate = new();

    public RunRecord Submit(ScenarioDefinition scenario, ulong? seed, double? scale, int? threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var id = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var ticket = new RunTicket(id, scenario, seed ?? scenario.Seed, scale ?? scenario.Scale, threads ?? options.Value.Threads);
        var record = new RunRecord(id, scenario.Name, scenario.Description, scenario.SourcePath, scenario.Text, ticket.Seed, ticket.Scale,
            scenario.HorizonMonths, ticket.Threads, RunStatus.Queued, DateTimeOffset.UtcNow, null, null, 0, null, null, null, null);
        store.CreateRun(record);
        // The run's own trace links back to the request that submitted it.
        var active = new ActiveRun(ticket) { RequestedBy = Activity.Current?.Context ?? default };
        _runs[id] = active;
        _queue.Writer.TryWrite(new QueuedWork([active], () => Execute(active)));
        logger.LogInformation("Run {RunId} of scenario {Scenario} queued (seed {Seed}, scale {Scale}).", id, scenario.Name, ticket.Seed, ticket.Scale);
        return record;
    }

    public bool TryGetActive(string id, out ActiveRun run) => _runs.TryGetValue(id, out run!);

    /// <summary>Asks a queued or running run to stop; returns false if it has already finished (or is unknown here).</summary>
    public bool Cancel(string id)
    {
        var record = store.GetRun(id);
        if (record is null || record.Status.IsFinished() || !_runs.TryGetValue(id, out var active))
        {
            return false;
        }
        active.Cancellation.Cancel();
        if (record.Status == RunStatus.Queued)
        {
            // Shown as cancelled at once; the worker that later dequeues it skips it.
            store.Finish(id, RunStatus.Cancelled, "Cancelled before it started.", DateTimeOffset.UtcNow);
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = store.InterruptUnfinishedRuns(DateTimeOffset.UtcNow);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} run(s) left unfinished by an earlier silo were marked interrupted.", interrupted);
        }
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentRuns)).Select(_ => Work(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task Work(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                using var stop = stoppingToken.Register(work.CancelAll);
                await Task.Factory.StartNew(work.Execute, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Execute(ActiveRun active)
    {
        var ticket = active.Ticket;
        var id = ticket.Id;
        try
        {
            if (active.Cancellation.IsCancellationRequested || store.GetRun(id)?.Status.IsFinished() == true)
            {
                if (store.GetRun(id)?.Status.IsFinished() != true)
                {
                    store.Finish(id, RunStatus.Cancelled, "Cancelled before it started.", DateTimeOffset.UtcNow);
                }
                return;
            }
            store.MarkStarted(id, DateTimeOffset.UtcNow);
            InjectedFault.TryParse(options.Value.FaultGrain, options.Value.FaultMonth, out var fault);
            active.Run = new ScenarioRun(ticket.Scenario, new RunOptions
            {
                Seed = ticket.Seed,
                Scale = ticket.Scale,
                Threads = ticket.Threads,
                Partitions = options.Value.Partitions,
                Fault = fault,
                RunId = id,
                RequestedBy = active.RequestedBy,
                ChainTraces = ChainTraces(ticket.Scale),
            });
            // Months are stored by a writer of their own, so the simulation never waits for the disk.
            var months = Channel.CreateBounded<MonthRecord>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
            var writer = Task.Run(async () =>
            {
                await foreach (var month in months.Reader.ReadAllAsync())
                {
                    store.AppendMonth(id, month);
                }
            });
            RunResult result;
            try
            {
                result = active.Run.Execute(month =>
                {
                    while (!months.Writer.TryWrite(month))
                    {
                        months.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
                    }
                    active.Feed.Publish(new MonthEvent(id, month.Index + 1, ticket.Scenario.HorizonMonths, MonthFiguresJson.From(month)));
                }, active.Cancellation.Token);
            }
            finally
            {
                months.Writer.TryComplete();
                writer.GetAwaiter().GetResult();
            }
            store.Complete(id, result, DateTimeOffset.UtcNow);
            logger.LogInformation("Run {RunId} completed in {Seconds:F2} s; result hash {Hash}.", id, result.Seconds, result.ResultHash);
        }
        catch (OperationCanceledException)
        {
            FinishUnlessFinished(id, RunStatus.Cancelled, $"Cancelled after {active.Run?.MonthsDone ?? 0} of {ticket.Scenario.HorizonMonths} months.");
            logger.LogInformation("Run {RunId} cancelled.", id);
        }
        catch (ActorFailedException ex)
        {
            FinishUnlessFinished(id, RunStatus.Failed, ex.Message);
            logger.LogWarning("Run {RunId} failed: {Message}", id, ex.Message);
        }
        catch (Exception ex)
        {
            FinishUnlessFinished(id, RunStatus.Failed, $"The run failed: {ex.Message}");
            logger.LogError(ex, "Run {RunId} failed unexpectedly.", id);
        }
        finally
        {
            active.Feed.Close();
            Retain(id);
        }
    }

    /// <summary>Records how a run ended, unless it already has an ending (a queued run cancelled before it started).</summary>
    private void FinishUnlessFinished(string id, RunStatus status, string message)
    {
        try
        {
            if (store.GetRun(id)?.Status.IsFinished() != true)
            {
                store.Finish(id, status, message, DateTimeOffset.UtcNow);
            }
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning("Run {RunId} could not be marked {Status}: {Message}", id, status, ex.Message);
        }
    }

    private ChainTraceOptions ChainTraces(double scale) => options.Value.ChainTraceEvery switch
    {
        0 => ChainTraceOptions.ForScale(scale),
        < 0 => ChainTraceOptions.None,
        var every => new ChainTraceOptions(every),
    };

    /// <summary>Keeps the newest finished runs' grains for inspection and releases older ones.</summary>
    private void Retain(string id)
    {
        lock (_retainGate)
        {
            _retained.Enqueue(id);
            while (_retained.Count > Math.Max(0, options.Value.RetainedRuns))
            {
                if (_runs.TryRemove(_retained.Dequeue(), out var released))
                {
                    released.Dispose();
                }
            }
        }
    }

    public override void Dispose()
    {
        foreach (var run in _runs.Values)
        {
            run.Dispose();
        }
        base.Dispose();
    }
}
