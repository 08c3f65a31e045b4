using GbaSim.Contracts.Runs;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Model;

/// <summary>A finished run of a policy test: its summary, and its monthly figures summed over the run.</summary>
public sealed class PolicyRun(SiloRuns runs, RunInfo run)
{
    public IReadOnlyDictionary<string, double> Summary => run.Summary ?? throw new InvalidOperationException($"Run {run.Id} has no summary.");

    /// <summary>A figure (named as in results, e.g. <c>closures</c>) summed over every month, for the region or over the cities given.</summary>
    public async Task<double> Total(string figure, params City[] cities) => (await Months(cities)).Sum(m => m.Figures[figure]);

    /// <summary>The run's months for the region, or those of each city given, one after the other.</summary>
    public async Task<IReadOnlyList<MonthInfo>> Months(params City[] cities) => cities.Length == 0
        ? await runs.Months(run)
        : (await Task.WhenAll(cities.Select(c => runs.Months(run, c)))).SelectMany(months => months).ToArray();

    /// <summary>One of the run's stored tables (months, transitions, flows, policies) as CSV.</summary>
    public Task<string> Table(string table) => runs.Table(run, table);
}
