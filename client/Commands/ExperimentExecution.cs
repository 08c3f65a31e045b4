using GbaSim.Client.Connection;
using GbaSim.Engine.Experiments;
using GbaSim.Silo.Api;

namespace GbaSim.Client.Commands;

/// <summary>
/// Submits every run of an experiment to the silo (which runs as many at once as it allows),
/// follows them with one progress figure, and collects each run's figures.
/// </summary>
public sealed class ExperimentExecution(SiloClient client, ExperimentPlan plan, IReadOnlyDictionary<string, ScenarioFile> files, double? scale)
{
    public async Task<IReadOnlyList<ReplicationResult>> RunAsync(Action<int, int, string> report, CancellationToken cancellationToken)
    {
        var submitted = new List<(PlannedRun Plan, RunInfo Run)>();
        try
        {
            foreach (var run in plan.Runs)
            {
                var (text, path) = Source(run);
                // One thread per run: the silo runs several at once, which uses the cores better than threads within a run.
                submitted.Add((run, await client.SubmitAsync(text, path, run.Seed, scale, 1, cancellationToken)));
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

    /// <summary>The YAML the silo runs: the scenario's own file, or for a sweep point a small file extending it.</summary>
    private (string Text, string? Path) Source(PlannedRun run)
    {
        var file = files[run.Scenario.SourcePath];
        return run.Coordinates.Count == 0 ? (file.Text, file.PathInLibrary) : SweepPointSource.For(run.Scenario, file);
    }
}
