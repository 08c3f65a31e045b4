using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Runs;

/// <summary>Runs a scenario start to finish and returns its result: the shortest way to one replication.</summary>
public static class ScenarioRunner
{
    public static RunResult Run(ScenarioDefinition scenario, RunOptions options, Action<MonthRecord>? onMonth = null, CancellationToken cancellationToken = default)
    {
        using var run = new ScenarioRun(scenario, options);
        return run.Execute(onMonth, cancellationToken);
    }
}
