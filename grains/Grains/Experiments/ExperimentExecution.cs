using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Experiments;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// Submits every run of an experiment to the silo (which runs as many at once as it allows),
/// follows them live with one progress figure, and collects each run's figures. With a fork
/// month, the runs of each replication go as one fork group: the baseline's months before the
/// fork run once and every scenario branches from there.
/// </summary>
public sealed class ExperimentExecution
{
    /// <summary>The most runs submitted at once: below the silo's default queue limit (<c>Silo:MaxQueuedRuns</c>, 1000), so large designs go in batches.</summary>
    public const int Batch = 500;

    private readonly SiloClient client;
    private readonly IReadOnlyList<PlannedRun> runs;
    private readonly ExperimentPlan? comparison;
    private readonly IReadOnlyDictionary<string, ScenarioSource> files;
    private readonly double? scale;
    private readonly YearMonth? forkAt;

    /// <summary>Runs of the whole experiment finished before this batch, and in all, for the progress caption.</summary>
    private (int Before, int InAll) finishedOf;

    public ExperimentExecution(SiloClient client, ExperimentPlan plan, IReadOnlyDictionary<string, ScenarioSource> files, double? scale, YearMonth? forkAt = null)
        : this(client, plan.Runs, files, scale)
    {
        comparison = plan;
        this.forkAt = forkAt;
    }

    /// <summary>Runs that need no fork: any list of planned runs of the given files (or of sweep-like points of them).</summary>
    public ExperimentExecution(SiloClient client, IReadOnlyList<PlannedRun> runs, IReadOnlyDictionary<string, ScenarioSource> files, double? scale)
    {
        this.client = client;
        this.runs = runs;
        this.files = files;
        this.scale = scale;
        finishedOf = (0, runs.Count);
    }

    private ExperimentPlan Plan => comparison ?? throw new InvalidOperationException("Only a comparison's plan can be compared or forked.");

    /// <summary>Every run, in batches of at most <see cref="Batch"/>, reporting progress over all of them; results in the order planned.</summary>
    public async Task<IReadOnlyList<ReplicationResult>> RunBatchesAsync(Action<int, int, string> report, CancellationToken cancellationToken)
    {
        var results = new List<ReplicationResult>();
        var months = runs.Sum(r => r.Scenario.HorizonMonths);
        for (var start = 0; start < runs.Count; start += Batch)
        {
            var batch = runs.Skip(start).Take(Batch).ToArray();
            var before = results.Sum(r => r.Months.Count);
            var execution = new ExperimentExecution(client, batch, files, scale) { finishedOf = (results.Count, runs.Count) };
            results.AddRange(await execution.RunAsync((m, _, caption) => report(before + m, months, caption), cancellationToken));
        }
        return results;
    }

    /// <summary>Runs the experiment and compares every variant with the baseline on the given headline figures.</summary>
    public async Task<(IReadOnlyList<ReplicationResult> Results, ComparisonReport Report)> CompareAsync(IReadOnlyList<string> metrics, Action<int, int, string> report, CancellationToken cancellationToken)
    {
        var results = await RunAsync(report, cancellationToken, withCities: true);
        var months = results[0].Months.Select((_, i) => Plan.Baseline.Start.AddMonths(i).ToString()).ToArray();
        return (results, ComparisonAnalysis.Analyze(Plan, results, metrics, months));
    }

    /// <summary>The silo's ids of the runs submitted so far, in the plan's order.</summary>
    public IReadOnlyList<string> RunIds => _runIds.ToArray();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _runIds = new();

    /// <summary>Runs every planned run and collects its figures; <paramref name="withCities"/> also reads each city's months (eleven more reads per run), for a comparison's per-city results.</summary>
    public async Task<IReadOnlyList<ReplicationResult>> RunAsync(Action<int, int, string> report, CancellationToken cancellationToken, bool withCities = false)
    {
        var submitted = new List<(PlannedRun Plan, RunInfo Run)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (forkAt is { } fork)
            {
                submitted.AddRange(await SubmitForkGroupsAsync(fork));
            }
            else
            {
                foreach (var run in runs)
                {
                    var (text, path) = Source(run);
                    // One shard stepped at a time: the silo runs several runs at once, which uses the cores better than parallel shards within a run.
                    submitted.Add((run, await client.SubmitAsync(new RunRequest(text, path, null, run.Seed, scale, 1, null, null))));
                }
            }
            foreach (var (_, run) in submitted)
            {
                _runIds.Enqueue(run.Id);
            }
            await FollowAsync(submitted.Select(s => s.Run).ToArray(), report, stop);
        }
        catch (OperationCanceledException)
        {
            await CancelAllAsync(submitted.Select(s => s.Run));
            throw;
        }
        var results = new List<ReplicationResult>();
        foreach (var (planned, run) in submitted)
        {
            var figures = await client.ResultsAsync(run.Id, null);
            results.Add(new ReplicationResult(planned.Label, planned.Replication, planned.Seed, run.Id, figures.Run.ResultHash ?? "", figures.Run.Summary ?? new Dictionary<string, double>(),
                figures.Months.Select(m => m.Figures).ToArray(), withCities ? await CitiesAsync(run.Id) : null));
        }
        return results;
    }

    /// <summary>Each city's headline figures, from its months in the results store.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> CitiesAsync(string runId)
    {
        var cities = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var city in Cities.All.Select(c => c.DisplayName()))
        {
            var months = await client.ResultsAsync(runId, city);
            cities[city] = CityHeadlines.Of(months.Months.Select(m => m.Figures).ToArray());
        }
        return cities;
    }

    /// <summary>Watches every run at once and reports their months together; the first run that does not complete ends the experiment.</summary>
    private async Task FollowAsync(IReadOnlyList<RunInfo> submitted, Action<int, int, string> report, CancellationTokenSource stop)
    {
        var total = submitted.Sum(r => r.Months);
        var done = new int[submitted.Count];
        var finished = 0;
        var gate = new object();
        async Task Follow(int index)
        {
            RunInfo? final = null;
            await foreach (var item in client.WatchAsync(submitted[index].Id, stop.Token))
            {
                lock (gate)
                {
                    done[index] = item.Month?.MonthsDone ?? item.Final?.MonthsDone ?? done[index];
                    finished += item.Final is null ? 0 : 1;
                    report(done.Sum(), total, $"months run; {finishedOf.Before + finished}/{finishedOf.InAll} runs finished");
                }
                final = item.Final ?? final;
            }
            if (final is not { Status: RunStatusNames.Completed })
            {
                final ??= await client.GetAsync(submitted[index].Id);
                throw new InvalidOperationException($"Run {final.Id} ({final.Scenario}) {final.Status}: {final.Error}");
            }
        }
        var following = Enumerable.Range(0, submitted.Count).Select(Follow).ToList();
        while (following.Count > 0)
        {
            var ended = await Task.WhenAny(following);
            following.Remove(ended);
            if (ended.IsFaulted || ended.IsCanceled)
            {
                await stop.CancelAsync();
                await CancelAllAsync(submitted);
                await ended;
            }
        }
    }

    private async Task CancelAllAsync(IEnumerable<RunInfo> runs)
    {
        foreach (var run in runs)
        {
            try
            {
                await client.CancelAsync(run.Id);
            }
            catch (RequestRejectedException)
            {
                // Already finished.
            }
        }
    }

    /// <summary>Submits the whole plan as fork groups, one per replication, and pairs each planned run with the silo's run.</summary>
    private async Task<IReadOnlyList<(PlannedRun Plan, RunInfo Run)>> SubmitForkGroupsAsync(YearMonth fork)
    {
        var plan = Plan;
        var baselineRun = plan.Runs.First(r => r.Label == plan.Baseline.Name);
        var (baseText, basePath) = Source(baselineRun);
        var variants = plan.Variants.Select(v => v.Label).Concat(plan.Removals.Select(r => r.Label)).Select(label =>
        {
            var (text, path) = Source(plan.Runs.First(r => r.Label == label));
            return new ExperimentScenario(text, path, label);
        }).ToArray();
        var seeds = plan.Runs.Select(r => r.Seed).Distinct().ToArray();
        // One shard at a time per group, as for single runs: the silo runs several groups at once.
        var experiment = await client.SubmitExperimentAsync(
            new ExperimentRequest(new ExperimentScenario(baseText, basePath, plan.Baseline.Name), variants, seeds, scale, fork.ToString(), 1));
        var byLabelAndSeed = experiment.Runs.ToDictionary(r => (r.Label, r.Seed), r => r.Run);
        return plan.Runs.Select(run => (run, byLabelAndSeed[(run.Label, run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToArray();
    }

    /// <summary>
    /// The YAML the silo runs: the scenario's own file; for a sweep point a small file extending
    /// it; for a package without one lever, a small file extending the baseline with the
    /// package's other policies.
    /// </summary>
    private (string Text, string? Path) Source(PlannedRun run)
    {
        if (run.Removal is not null)
        {
            return SweepPointSource.For(run.Scenario, files[Plan.Baseline.SourcePath]);
        }
        var file = files[run.Scenario.SourcePath];
        return run.Coordinates.Count == 0 ? (file.Text, file.PathInLibrary) : SweepPointSource.For(run.Scenario, file);
    }
}
