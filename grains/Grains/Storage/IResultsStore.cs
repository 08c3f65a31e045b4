using GbaSim.Engine.Runs;

namespace GbaSim.Grains.Storage;

/// <summary>
/// Where runs and their results are kept. Every write is one transaction, so a silo killed at
/// any moment leaves every finished month readable and no run marked completed that is not.
/// </summary>
public interface IResultsStore
{
    /// <summary>Records a new run (status <see cref="RunStatus.Queued"/>).</summary>
    void CreateRun(RunRecord run);

    void MarkStarted(string runId, DateTimeOffset at);

    /// <summary>Writes one month's figures (per city and for the region), transitions, flows and policy spending, and advances the run's month count, atomically.</summary>
    void AppendMonth(string runId, MonthRecord month);

    /// <summary>Marks a run completed with its result, atomically.</summary>
    void Complete(string runId, RunResult result, DateTimeOffset at);

    /// <summary>Marks a run failed, cancelled or interrupted with a message.</summary>
    void Finish(string runId, RunStatus status, string? error, DateTimeOffset at);

    /// <summary>Commits a checkpoint of a run (after its shards have written their states); it replaces the run's earlier one.</summary>
    void CommitCheckpoint(CheckpointManifest manifest);

    /// <summary>The run's last committed checkpoint, or null if it has none.</summary>
    CheckpointManifest? LatestCheckpoint(string runId);

    /// <summary>Sets an interrupted run running again (it goes on from its last checkpoint).</summary>
    void Resume(string runId, DateTimeOffset at);

    /// <summary>Records that a run came back from a lost silo.</summary>
    void RecordRecovery(string runId, RunRecovery recovery);

    /// <summary>The run's recoveries, oldest first.</summary>
    IReadOnlyList<RunRecovery> Recoveries(string runId);

    /// <summary>At start-up: every run left queued or running by a previous silo becomes interrupted. Returns how many.</summary>
    int InterruptUnfinishedRuns(DateTimeOffset at);

    /// <summary>Writes one page that changes nothing a reader sees, to learn whether the store can write now; throws when it cannot.</summary>
    void ProbeWrite();

    RunRecord? GetRun(string runId);

    IReadOnlyList<RunRecord> ListRuns(int limit = 200);

    /// <summary>A figure's monthly series for the region (city null) or one city, in month order.</summary>
    IReadOnlyList<(int Month, string YearMonth, double Value)> Series(string runId, string figure, string? city = null);

    /// <summary>Every figure of every month for the region (city null) or one city.</summary>
    IReadOnlyList<MonthFigures> Months(string runId, string? city = null);

    /// <summary>Technologies that reached and that stalled at each chain stage, in chain order (for the chain's Sankey).</summary>
    IReadOnlyList<StageCount> StageCounts(string runId);

    /// <summary>Totals of one kind of flow (talent, capital or technology) by city pair, largest first.</summary>
    IReadOnlyList<CityFlowTotal> FlowTotals(string runId, string kind);

    /// <summary>Every policy's spending in every month, in month order.</summary>
    IReadOnlyList<PolicySpendingRow> PolicySpending(string runId);

    /// <summary>Chain traces matching the search, furthest-reaching first.</summary>
    IReadOnlyList<TechnologyTrace> FindTechnologies(string runId, TechnologySearch search);

    /// <summary>Every recorded transition of one technology, in order (empty if it has none).</summary>
    IReadOnlyList<TransitionRow> TechnologyJourney(string runId, long technologyId);

    /// <summary>The newest transitions recorded in a city (its display name), newest first.</summary>
    IReadOnlyList<TransitionRow> RecentTransitions(string runId, string city, int limit);

    /// <summary>The flows that left a city (its display name) in the latest stored month.</summary>
    IReadOnlyList<MonthFlow> LatestFlowsFrom(string runId, string city);

    /// <summary>How many transitions and flow rows each stored month holds.</summary>
    IReadOnlyList<MonthActivity> MonthActivity(string runId);

    /// <summary>Technologies reaching and stalling at each stage, month by month, counting the transitions in one city and of one sector (null for any).</summary>
    IReadOnlyList<StageMonthCount> StageCountsByMonth(string runId, string? city, string? sector);

    /// <summary>One kind of flow between two different cities, month by month and city pair.</summary>
    IReadOnlyList<MonthFlow> FlowsByMonth(string runId, string kind);

    /// <summary>The months a run has stored, in order, as (index, YYYY-MM).</summary>
    IReadOnlyList<(int Month, string YearMonth)> StoredMonths(string runId);

    /// <summary>How many chain traces a search finds in all, whatever its limit and offset.</summary>
    int CountTechnologies(string runId, TechnologySearch search);

    /// <summary>How many rows a run holds in each table (null if there is no such run).</summary>
    RunFootprint? Footprint(string runId);

    /// <summary>Deletes a finished run and every row of it, and says what that freed; null if there is no such run. A queued or running run is refused.</summary>
    RunFootprint? DeleteRun(string runId);

    /// <summary>Gives a run a label (or takes it away, for null or blank).</summary>
    void SetLabel(string runId, string? label);

    /// <summary>Every run's label, by run id.</summary>
    IReadOnlyDictionary<string, string> Labels();

    /// <summary>Writes a run's table as CSV: "months" (figures by city and region), "transitions", "flows" or "policies".</summary>
    void ExportCsv(string runId, string table, TextWriter writer);
}

/// <summary>One month's figures, by name.</summary>
public sealed record MonthFigures(int Month, string YearMonth, IReadOnlyDictionary<string, double> Figures);
