using System.Diagnostics;
using GbaSim.Engine.Scenarios;
using GbaSim.Runtime.Options;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Runs a scenario on an in-process grain runtime: builds the world, steps through the horizon
/// (one extra step collects the last month's reports), hands each month to the caller as it
/// completes, and returns the result hash and headline figures.
/// </summary>
public static class ScenarioRunner
{
    public static RunResult Run(ScenarioDefinition scenario, RunOptions options, Action<MonthRecord>? onMonth = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var seed = options.Seed ?? scenario.Seed;
        var scale = options.Scale ?? scenario.Scale;
        var clock = Stopwatch.StartNew();
        var (runtime, world) = EcosystemWorld.Build(scenario, seed, scale, new RuntimeOptions { Threads = options.Threads, Partitions = options.Partitions });
        using (runtime)
        {
            var observer = new MonthObserver(runtime, world, scenario.Start);
            var summary = new SummaryBuilder(scale);
            var steps = scenario.HorizonMonths + 1;
            for (var step = 0; step < steps; step++)
            {
                runtime.RunStep(cancellationToken);
                if (observer.Observe(step) is { } month)
                {
                    summary.Add(month);
                    onMonth?.Invoke(month);
                }
            }
            return new RunResult(scenario.Name, seed, scale, scenario.HorizonMonths, runtime.Step, clock.Elapsed.TotalSeconds, runtime.ComputeResultHash(), summary.Build());
        }
    }
}
