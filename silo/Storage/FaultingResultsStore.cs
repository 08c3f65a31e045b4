using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// A test hook (<c>Silo:FaultStoreAfterWrites</c>, <c>Silo:FaultStoreWrites</c>): the store,
/// except that after a number of writes the next ones (all, or a number of them) fail as SQLite
/// fails on a full disk, to rehearse how the silo copes and recovers. Reads still work, as they
/// do on a full disk. Never used in normal operation.
/// </summary>
/// <param name="failingWrites">How many writes fail before writes succeed again; 0 for all.</param>
public sealed class FaultingResultsStore(IResultsStore inner, int writesBeforeFault, int failingWrites = 0) : IResultsStore, IDisposable
{
    private int _writes;

    public void CreateRun(RunRecord run) => Write(() => inner.CreateRun(run));

    public void MarkStarted(string runId, DateTimeOffset at) => Write(() => inner.MarkStarted(runId, at));

    public void AppendMonth(string runId, MonthRecord month) => Write(() => inner.AppendMonth(runId, month));

    public void Complete(string runId, RunResult result, DateTimeOffset at) => Write(() => inner.Complete(runId, result, at));

    public void Finish(string runId, RunStatus status, string? error, DateTimeOffset at) => Write(() => inner.Finish(runId, status, error, at));

    public void CommitCheckpoint(CheckpointManifest manifest) => Write(() => inner.CommitCheckpoint(manifest));

    public CheckpointManifest? LatestCheckpoint(string runId) => inner.LatestCheckpoint(runId);

    public void Resume(string runId, DateTimeOffset at) => Write(() => inner.Resume(runId, at));

    public void RecordRecovery(string runId, RunRecovery recovery) => Write(() => inner.RecordRecovery(runId, recovery));

    public IReadOnlyList<RunRecovery> Recoveries(string runId) => inner.Recoveries(runId);

    public int InterruptUnfinishedRuns(DateTimeOffset at)
    {
        var interrupted = 0;
        Write(() => interrupted = inner.InterruptUnfinishedRuns(at));
        return interrupted;
    }

    public void ProbeWrite() => Write(inner.ProbeWrite);

    public RunRecord? GetRun(string runId) => inner.GetRun(runId);

    public IReadOnlyList<RunRecord> ListRuns(int limit = 200) => inner.ListRuns(limit);

    public IReadOnlyList<(int Month, string YearMonth, double Value)> Series(string runId, string figure, string? city = null) => inner.Series(runId, figure, city);

    public IReadOnlyList<MonthFigures> Months(string runId, string? city = null) => inner.Months(runId, city);

    public IReadOnlyList<StageCount> StageCounts(string runId) => inner.StageCounts(runId);

    public IReadOnlyList<CityFlowTotal> FlowTotals(string runId, string kind) => inner.FlowTotals(runId, kind);

    public IReadOnlyList<PolicySpendingRow> PolicySpending(string runId) => inner.PolicySpending(runId);

    public IReadOnlyList<TechnologyTrace> FindTechnologies(string runId, TechnologySearch search) => inner.FindTechnologies(runId, search);

    public IReadOnlyList<TransitionRow> TechnologyJourney(string runId, long technologyId) => inner.TechnologyJourney(runId, technologyId);

    public IReadOnlyList<TransitionRow> RecentTransitions(string runId, string city, int limit) => inner.RecentTransitions(runId, city, limit);

    public IReadOnlyList<MonthFlow> LatestFlowsFrom(string runId, string city) => inner.LatestFlowsFrom(runId, city);

    public IReadOnlyList<MonthActivity> MonthActivity(string runId) => inner.MonthActivity(runId);

    public IReadOnlyList<StageMonthCount> StageCountsByMonth(string runId, string? city, string? sector) => inner.StageCountsByMonth(runId, city, sector);

    public IReadOnlyList<MonthFlow> FlowsByMonth(string runId, string kind) => inner.FlowsByMonth(runId, kind);

    public RunFootprint? Footprint(string runId) => inner.Footprint(runId);

    public RunFootprint? DeleteRun(string runId) => inner.DeleteRun(runId);

    public void SetLabel(string runId, string? label) => inner.SetLabel(runId, label);

    public IReadOnlyDictionary<string, string> Labels() => inner.Labels();

    public IReadOnlyList<(int Month, string YearMonth)> StoredMonths(string runId) => inner.StoredMonths(runId);

    public int CountTechnologies(string runId, TechnologySearch search) => inner.CountTechnologies(runId, search);

    public void ExportCsv(string runId, string table, TextWriter writer) => inner.ExportCsv(runId, table, writer);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private void Write(Action store)
    {
        var write = Interlocked.Increment(ref _writes);
        if (write > writesBeforeFault && (failingWrites == 0 || write <= writesBeforeFault + failingWrites))
        {
            throw new SqliteException($"SQLite Error {StorageFaults.Full}: 'database or disk is full' (injected by Silo:FaultStoreAfterWrites).", StorageFaults.Full);
        }
        store();
    }
}
