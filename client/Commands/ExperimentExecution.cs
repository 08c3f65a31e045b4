using GbaSim.Client.Connection;
using GbaSim.Engine.Experiments;
using GbaSim.Model.World;
using GbaSim.Silo.Api;

namespace GbaSim.Client.Commands;

/// <summary>
/// Submits every run of an experiment to the silo (which runs as many at once as it allows),
/// follows them with one progress figure, and collects each run's figures. With a fork month,
/// the runs of each replication go as one fork group: the baseline's months before the fork run
/// once and every scenario branches from there.
/// </summary>
public sealed class ExperimentExecution(SiloClient client, ExperimentPlan plan, IReadOnlyDictionary<string, ScenarioFile> files, double? scale, YearMonth? forkAt = null)
{
    public async Task<IReadOnlyList<ReplicationResult>> RunAsync(Action<int, int, string> report, CancellationToken cancellationToken)
    {
        var submitted = new List<(PlannedRun Plan, RunInfo Run)>();
        try
        {
            if (forkAt is { } fork)
            {
                submitted.AddRange(await SubmitForkGroupsAsync(fork, cancellationToken));
            }
            else
            {
                foreach (var run in plan.Runs)
                {
                    var (text, path) = Source(run);
                    // One thread per run: the silo runs several at once, which uses the cores better than threads within a run.
                    submitted.Add((run, await client.SubmitAsync(text, path, run.Seed, scale, 1, cancellationToken)));
                }
            }
            var total = submitted.Sum(s => s.Run.Months);
            while (true)
            {
                var runs = (await client.ListAsync(cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
                var states = submitted.Select(s => runs.TryGetValue(s.Run.Id, out var r) ? r : s.Run).ToArray();
                var finished = states.Count(r => r.Status is "completed" or "failed" or "cancelled" or "interrupted");
                report(states.Sum(r => r.MonthsDone), total, $"{finished}/{states.Length} runs finished");
                var failed = states.Where(r => r.Status is "failed" or "cancelled" or "interrupted").ToArray();
                if (failed.Length > 0)
                {
                    throw new InvalidOperationException($"Run {failed[0].Id} ({failed[0].Scenario}) {failed[0].Status}: {failed[0].Error}");
                }
                if (finished == states.Length)
                {
                    break;
                }
                await Task.Delay(250, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            foreach (var (_, run) in submitted)
            {
                try
                {
                    await client.CancelAsync(run.Id, CancellationToken.None);
                }
                catch (SiloProblemException)
                {
                    // Already finished.
                }
            }
            throw;
        }
        var results = new List<ReplicationResult>();
        foreach (var (planned, run) in submitted)
        {
            var figures = await client.ResultsAsync(run.Id, null, cancellationToken);
            results.Add(new ReplicationResult(planned.Label, planned.Replication, planned.Seed, run.Id, figures.Run.ResultHash ?? "", figures.Run.Summary ?? new Dictionary<string, double>(),
                figures.Months.Select(m => m.Figures).ToArray()));
        }
        return results;
    }

    /// <summary>Submits the whole plan as fork groups, one per replication, and pairs each planned run with the silo's run.</summary>
    private async Task<IReadOnlyList<(PlannedRun Plan, RunInfo Run)>> SubmitForkGroupsAsync(YearMonth fork, CancellationToken cancellationToken)
    {
        var baselineRun = plan.Runs.First(r => r.Label == plan.Baseline.Name);
        var (baseText, basePath) = Source(baselineRun);
        var variants = plan.Variants.Select(v =>
        {
            var (text, path) = Source(plan.Runs.First(r => r.Label == v.Label));
            return new ExperimentScenario(text, path, v.Label);
        }).ToArray();
        var seeds = plan.Runs.Select(r => r.Seed).Distinct().ToArray();
        // One thread per group, as for single runs: the silo runs several groups at once.
        var experiment = await client.SubmitExperimentAsync(
            new ExperimentRequest(new ExperimentScenario(baseText, basePath, plan.Baseline.Name), variants, seeds, scale, fork.ToString(), 1), cancellationToken);
        var runs = experiment.Runs.ToDictionary(r => (r.Label, r.Seed), r => r.Run);
        return plan.Runs.Select(run => (run, runs[(run.Label, run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToArray();
    }

    /// <summary>The YAML the silo runs: the scenario's own file, or for a sweep point a small file extending it.</summary>
    private (string Text, string? Path) Source(PlannedRun run)
    {
        var file = files[run.Scenario.SourcePath];
        return run.Coordinates.Count == 0 ? (file.Text, file.PathInLibrary) : SweepPointSource.For(run.Scenario, file);
    }
}
