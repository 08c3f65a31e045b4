using System.Globalization;
using GbaSim.Contracts;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using Orleans.Concurrency;

namespace GbaSim.Grains.Runs;

/// <summary>What the results store holds about runs (see <see cref="IRunResultsGrain"/>), answered by the silo that is asked.</summary>
[StatelessWorker]
public sealed class RunResultsGrain(IResultsStore store) : Grain, IRunResultsGrain
{
    public const int MaxListed = 1000;

    public Task<IReadOnlyList<RunInfo>> List(int limit)
    {
        if (limit < 1 || limit > MaxListed)
        {
            throw RequestRejectedException.BadArgument($"limit must be between 1 and {MaxListed}; got {limit}.");
        }
        return Task.FromResult<IReadOnlyList<RunInfo>>(store.ListRuns(limit).Select(run => RunInfos.From(run)).ToArray());
    }

    public Task<RunInfo?> Get(string runId) => Task.FromResult(store.GetRun(runId) is { } run ? RunInfos.From(run, store.Recoveries(runId)) : null);

    public Task<RunResults> Results(string runId, string? city)
    {
        var run = Run(runId);
        string? cityName = null;
        if (city is not null)
        {
            cityName = Cities.TryParse(city, out var c)
                ? c.DisplayName()
                : throw RequestRejectedException.NotFound($"There is no city '{city}'; the cities are {string.Join(", ", Cities.All.Select(x => x.DisplayName()))}.");
        }
        var months = store.Months(runId, cityName).Select(m => new MonthInfo(m.Month, m.YearMonth, m.Figures)).ToArray();
        return Task.FromResult(new RunResults(RunInfos.From(run), cityName, months));
    }

    public Task<string> Export(string runId, string table)
    {
        Run(runId);
        var name = table.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? table[..^4] : table;
        try
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            store.ExportCsv(runId, name, writer);
            return Task.FromResult(writer.ToString());
        }
        catch (ArgumentException ex)
        {
            throw RequestRejectedException.NotFound(ex.Message);
        }
    }

    private RunRecord Run(string runId) => store.GetRun(runId) ?? throw RequestRejectedException.NotFound($"There is no run '{runId}'.");
}
