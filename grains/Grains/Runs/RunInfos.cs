using System.Globalization;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Grains.Runs;

/// <summary>A stored run as callers see it.</summary>
public static class RunInfos
{
    /// <param name="recoveries">The run's recoveries from lost silos, as the store keeps them.</param>
    public static RunInfo From(RunRecord run, IReadOnlyList<RunRecovery>? recoveries = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunInfo(
            run.Id,
            run.Scenario,
            run.Description,
            run.Status.Name(),
            run.Seed.ToString(CultureInfo.InvariantCulture),
            run.Scale,
            run.Months,
            run.MonthsDone,
            run.Threads,
            run.CreatedAt,
            run.StartedAt,
            run.FinishedAt,
            run.ResultHash,
            run.Seconds,
            run.Error,
            run.Summary,
            run.Shards,
            run.Granularity,
            recoveries is { Count: > 0 } ? recoveries.Select(r => r.Describe()).ToArray() : null);
    }
}
