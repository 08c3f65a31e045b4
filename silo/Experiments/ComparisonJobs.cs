using System.Collections.Concurrent;
using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Experiments;
using GbaSim.Grains.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Silo.Experiments;

/// <summary>
/// Runs comparisons for the dashboard the way <c>gbasim compare</c> does (the same
/// <see cref="ExperimentExecution"/> over the same grains, the same analysis), then keeps the
/// summary in the comparison archive. Jobs live in this silo's memory; their runs and the
/// archived comparison live in the results store and the archive like any other.
/// </summary>
public sealed partial class ComparisonJobs(IGrainFactory grains, ScenarioLibrary library, IHostApplicationLifetime lifetime, ILogger<ComparisonJobs> logger)
{
    /// <summary>Replications a dashboard comparison may ask for (the CLI allows more).</summary>
    public const int MaxReplications = 100;

    private readonly ConcurrentDictionary<string, ComparisonJob> _jobs = new(StringComparer.Ordinal);

    public IReadOnlyList<ComparisonJob> List() => [.. _jobs.Values.OrderByDescending(j => j.StartedAt)];

    public ComparisonJob? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Checks and plans a comparison, starts it and returns its job; a bad request throws <see cref="RequestRejectedException"/> before anything runs.</summary>
    public ComparisonJob Start(ComparisonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Variants is not { Count: > 0 })
        {
            throw RequestRejectedException.BadArgument("A comparison needs at least one variant besides its baseline.");
        }
        if (request.Replications is < 2 or > MaxReplications)
        {
            throw RequestRejectedException.BadArgument($"replications must be from 2 to {MaxReplications}; got {request.Replications}.");
        }
        if (request.Scale is { } scale && (!double.IsFinite(scale) || scale <= 0 || scale > 1))
        {
            throw RequestRejectedException.BadArgument("scale must be in (0, 1].");
        }
        YearMonth? fork = null;
        if (!string.IsNullOrEmpty(request.ForkAt))
        {
            fork = YearMonth.TryParse(request.ForkAt, out var at) ? at : throw RequestRejectedException.BadArgument($"forkAt must be a month written YYYY-MM; got '{request.ForkAt}'.");
        }
        var baseline = Load(request.Baseline);
        var variants = request.Variants.Select(Load).ToArray();
        var sources = new[] { baseline }.Concat(variants).GroupBy(s => s.Source.FullPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);
        ExperimentPlan plan;
        try
        {
            plan = new ExperimentPlan(baseline.Definition, [.. variants.Select(v => v.Definition)], request.Replications);
        }
        catch (ArgumentException ex)
        {
            throw RequestRejectedException.BadArgument(ex.Message);
        }
        var forkAt = ForkPoint.ForComparison(fork, plan.Variants.Select(v => v.Scenario));
        var total = plan.Runs.Sum(r => r.Scenario.HorizonMonths);
        var job = new ComparisonJob(
            $"compare-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}", request.Baseline.Path, [.. request.Variants.Select(v => v.Path)],
            request.Replications, request.Scale, forkAt?.ToString(), "running", 0, total, $"{plan.Runs.Count} runs", null, null, DateTimeOffset.UtcNow, []);
        _jobs[job.Id] = job;
        var execution = new ExperimentExecution(new SiloClient(grains), plan, sources, request.Scale, forkAt);
        _ = Task.Run(() => RunAsync(job.Id, execution));
        return job;
    }

    private async Task RunAsync(string id, ExperimentExecution execution)
    {
        try
        {
            var (_, report) = await execution.CompareAsync(
                ComparisonAnalysis.DefaultMetrics,
                (done, total, note) => Update(id, j => j with { MonthsDone = done, MonthsTotal = total, Progress = note, RunIds = execution.RunIds }),
                lifetime.ApplicationStopping);
            var saved = await grains.GetGrain<IComparisonArchiveGrain>(0).Save(ComparisonJson.Write(report));
            Update(id, j => j with { Status = "completed", MonthsDone = j.MonthsTotal, ComparisonId = saved, RunIds = execution.RunIds });
        }
        catch (OperationCanceledException)
        {
            Update(id, j => j with { Status = "cancelled", Error = "The silo stopped before the comparison finished." });
        }
        catch (Exception ex) when (ex is RequestRejectedException or InvalidOperationException)
        {
            Log.ComparisonFailed(logger, id, ex.Message);
            Update(id, j => j with { Status = "failed", Error = ex.Message, RunIds = execution.RunIds });
        }
    }

    private void Update(string id, Func<ComparisonJob, ComparisonJob> change) => _jobs.AddOrUpdate(id, _ => throw new KeyNotFoundException(id), (_, job) => change(job));

    private (ScenarioSource Source, ScenarioDefinition Definition) Load(ComparisonScenario scenario)
    {
        if (string.IsNullOrWhiteSpace(scenario?.Path))
        {
            throw RequestRejectedException.BadArgument("Every scenario of a comparison needs the path it is read as in the silo's library.");
        }
        var text = scenario.Text ?? library.Text(scenario.Path)
            ?? throw RequestRejectedException.NotFound($"The scenario library has no readable file '{scenario.Path}'.");
        try
        {
            var definition = library.Parse(text, scenario.Path);
            return (new ScenarioSource(definition.SourcePath, text, scenario.Path), definition);
        }
        catch (ScenarioValidationException error)
        {
            var errors = library.Describe(error);
            throw new RequestRejectedException(RejectionKind.InvalidScenario, $"{scenario.Path} is not a valid scenario: {errors[0].File}:{errors[0].Line}:{errors[0].Column}: {errors[0].Message}", errors);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Comparison {Id} failed: {Reason}")]
        public static partial void ComparisonFailed(ILogger logger, string id, string reason);
    }
}
