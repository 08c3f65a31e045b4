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

    /// <summary>
    /// The run's live events, pushed by its grain: each finished month, then its final record.
    /// When the grain's silo is lost the watch starts again (the run goes on elsewhere), without
    /// repeating the months and notices already seen, and says so in a notice.
    /// </summary>
    public async IAsyncEnumerable<RunEvent> WatchAsync(string runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await GetAsync(runId);
        var seen = 0;
        var notices = new HashSet<string>(StringComparer.Ordinal);
        var lostSince = (DateTimeOffset?)null;
        while (true)
        {
            var events = grains.GetGrain<IRunGrain>(runId).Watch(cancellationToken).WithCancellation(cancellationToken).GetAsyncEnumerator();
            try
            {
                while (true)
                {
                    RunEvent item;
                    try
                    {
                        if (!await events.MoveNextAsync())
                        {
                            yield break;
                        }
                        item = events.Current;
                    }
                    catch (Exception ex) when (ReachLost(ex) && (lostSince ??= DateTimeOffset.UtcNow) > DateTimeOffset.UtcNow - WatchRetryLimit)
                    {
                        break;
                    }
                    lostSince = null;
                    if (item.Month is { } month && month.MonthsDone <= seen || item.Notice is { } notice && !notices.Add(notice))
                    {
                        continue;
                    }
                    seen = item.Month?.MonthsDone ?? seen;
                    yield return item;
                }
            }
            finally
            {
                await events.DisposeAsync();
            }
            yield return new RunEvent(null, null, "lost touch with the silo holding the run; following it again through the silos left.");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>How long a watch keeps trying to follow a run it lost touch with.</summary>
    private static readonly TimeSpan WatchRetryLimit = TimeSpan.FromMinutes(3);

    /// <summary>Whether a watch broke because the silo holding the run (or the gateway) went away, rather than being refused.</summary>
    private static bool ReachLost(Exception failure) => failure switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        // The run grain's enumerator went with its silo (or its activation): watching again reaches the run where it now lives.
        { } other when other.GetType().Name is "ConnectionFailedException" or "ClientNotAvailableException" or "EnumerationAbortedException" => true,
        { InnerException: { } inner } => ReachLost(inner),
        _ => false,
    };

    /// <summary>Continues an interrupted run from its last checkpoint.</summary>
    public Task<RunInfo> ResumeAsync(string runId) => Registry.Resume(runId);

    /// <summary>Keeps a comparison's summary on the silo for the dashboard's compare view; returns its id.</summary>
    public Task<string> SaveComparisonAsync(string summaryJson) => grains.GetGrain<IComparisonArchiveGrain>(0).Save(summaryJson);
}
