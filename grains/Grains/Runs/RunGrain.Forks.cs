using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Model.World;

namespace GbaSim.Grains.Runs;

public sealed partial class RunGrain
{
    public Task StartForkGroup(RunPlan baseline, string forkAt, IReadOnlyList<RunPlan> variants)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variants);
        if (!YearMonth.TryParse(forkAt, out var month))
        {
            throw new ArgumentException($"'{forkAt}' is not a month written YYYY-MM.", nameof(forkAt));
        }
        if (Begin(baseline))
        {
            var scenario = worlds.Get(baseline.Model, baseline.Seed).Scenario;
            _group = new ForkGroup(ScenarioFork.StepOf(scenario, month), variants);
            _ = Execute(() => _shards!.Initialize(i => Setup(baseline, i)), null);
        }
        return Task.CompletedTask;
    }

    public Task BranchEnded(string runId)
    {
        if (_group?.Running is { } running && running.RunId == runId)
        {
            running.Ended.TrySetResult();
        }
        return Task.CompletedTask;
    }

    /// <summary>Branches every variant still wanted from this run's state, one after the other, each run to its end.</summary>
    private async Task RunBranches(ForkGroup group)
    {
        foreach (var variant in group.Variants)
        {
            if (store.GetRun(variant.RunId)?.Status.IsFinished() != false)
            {
                continue;
            }
            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            group.Running = (variant.RunId, ended);
            await GrainFactory.GetGrain<IRunControl>(variant.RunId).StartBranch(variant, Id, group.Past);
            await ended.Task;
            group.Running = null;
        }
        LogBranched(logger, Id, group.Variants.Count, group.ForkStep);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Run {RunId} ran the shared past of {Count} branches to step {Step} once.")]
    private static partial void LogBranched(Microsoft.Extensions.Logging.ILogger logger, string runId, int count, long step);
}
