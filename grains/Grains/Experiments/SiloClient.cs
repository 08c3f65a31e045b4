using System.Runtime.CompilerServices;
using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;

namespace GbaSim.Grains.Experiments;

/// <summary>
/// What the commands (and the silo's own comparisons) ask of a silo, as calls on its grains (the same grains the HTTP API calls).
/// Refusals arrive as <see cref="RequestRejectedException"/>.
/// </summary>
public sealed class SiloClient(IGrainFactory grains)
{
    /// <summary>How many runs <c>gbasim runs</c> lists at most.</summary>
    public const int ListLimit = 500;

    private IRunRegistryGrain Registry => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key);

    private IRunResultsGrain Results => grains.GetGrain<IRunResultsGrain>(0);

    public Task<RunInfo> SubmitAsync(RunRequest request) => Registry.Submit(request);

    /// <summary>Submits an experiment whose scenarios fork at a month: one fork group per seed.</summary>
    public Task<ExperimentInfo> SubmitExperimentAsync(ExperimentRequest request) => Registry.SubmitExperiment(request);

    public async Task<IReadOnlyList<RunInfo>> ListAsync() => await Results.List(ListLimit);

    public async Task<RunInfo> GetAsync(string runId) =>
        await Results.Get(runId) ?? throw RequestRejectedException.NotFound($"There is no run '{runId}'.");

    public Task<RunResults> ResultsAsync(string runId, string? city) => Results.Results(runId, city);

    public Task<string> ExportAsync(string runId, string table) => Results.Export(runId, table);

    public Task<string> InspectAsync(string runId, string type, string key) => grains.GetGrain<IRunGrain>(runId).Inspect(type, key);

    public Task<RunInfo> CancelAsync(string runId) => Registry.Cancel(runId);

    /// <summary>The run's live events, pushed by its grain: each finished month, then its final record.</summary>
    public async IAsyncEnumerable<RunEvent> WatchAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await GetAsync(runId);
        await foreach (var item in grains.GetGrain<IRunGrain>(runId).Watch(cancellationToken).WithCancellation(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Keeps a comparison's summary on the silo for the dashboard's compare view; returns its id.</summary>
    public Task<string> SaveComparisonAsync(string summaryJson) => grains.GetGrain<IComparisonArchiveGrain>(0).Save(summaryJson);
}
