using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The results store as a silo's grains use it. A write the store cannot make (a full disk, an
/// I/O error, a read-only file) becomes a <see cref="StoreWriteException"/> that says why; the
/// last write's outcome answers <see cref="CanWrite"/> (what <c>/ready</c> reports), with a probe
/// write when it is old, and after a failure only a probe on a disk with room again clears it;
/// and a run's ending that cannot be written is kept and reported instead (see
/// <see cref="UnstoredEndings"/>), so that cancelling or failing a run always ends it.
/// </summary>
public sealed partial class GuardedResultsStore : IResultsStore, IStoreWriteHealth, IDisposable
{
    private readonly IResultsStore _inner;
    private readonly string _databasePath;
    private readonly string? _folder;
    private readonly TimeSpan _probeEvery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UnstoredEndings _endings = new();
    private readonly Lock _lock = new();
    private string? _problem;
    private DateTimeOffset _lastOutcome = DateTimeOffset.MinValue;

    /// <param name="databasePath">The database file (or a shared store's URL), for the log only: callers' messages name no path.</param>
    /// <param name="probeEvery">How old the last write's outcome may be before <see cref="CanWrite"/> probes again.</param>
    public GuardedResultsStore(IResultsStore inner, string databasePath, TimeSpan probeEvery, TimeProvider time, ILogger<GuardedResultsStore> logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _databasePath = databasePath;
        // A shared store's disk is the server's, which this silo cannot see.
        _folder = Path.IsPathRooted(databasePath) ? Path.GetDirectoryName(databasePath) ?? "." : null;
        _probeEvery = probeEvery;
        _time = time;
        _logger = logger;
    }

    public bool CanWrite(out string? problem)
    {
        bool failing;
        lock (_lock)
        {
            failing = _problem is not null;
            if (_time.GetUtcNow() - _lastOutcome < _probeEvery)
            {
                problem = _problem;
                return !failing;
            }
        }
        if (failing && _folder is not null && DiskRoom.Available(_folder) is { } room && room < DiskRoom.NeededBytes)
        {
            problem = $"the results store cannot write (the disk holding it has {room / 1024:N0} KiB free)";
            Outcome(problem, null, probe: true);
            return false;
        }
        try
        {
            ProbeWrite();
            problem = null;
            return true;
        }
        catch (StoreWriteException ex)
        {
            problem = ex.Message;
            return false;
        }
    }

    public void CreateRun(RunRecord run) => Write(() => _inner.CreateRun(run));

    public void MarkStarted(string runId, DateTimeOffset at) => Write(() => _inner.MarkStarted(runId, at));

    public void AppendMonth(string runId, MonthRecord month) => Write(() => _inner.AppendMonth(runId, month));

    public void Complete(string runId, RunResult result, DateTimeOffset at) => Write(() => _inner.Complete(runId, result, at));

    /// <summary>Finishes the run; if the store cannot write, keeps the ending and reports it until it can.</summary>
    public void Finish(string runId, RunStatus status, string? error, DateTimeOffset at)
    {
        try
        {
            Write(() => _inner.Finish(runId, status, error, at));
        }
        catch (StoreWriteException ex)
        {
            _endings.Keep(runId, status, error, at, $"This ending is not yet stored: {ex.Message}.");
            LogEndingKept(_logger, runId, status.Name(), ex.Message);
        }
    }

    public void CommitCheckpoint(CheckpointManifest manifest) => Write(() => _inner.CommitCheckpoint(manifest));

    public CheckpointManifest? LatestCheckpoint(string runId) => _inner.LatestCheckpoint(runId);

    public void Resume(string runId, DateTimeOffset at) => Write(() => _inner.Resume(runId, at));

    public void RecordRecovery(string runId, RunRecovery recovery) => Write(() => _inner.RecordRecovery(runId, recovery));

    public IReadOnlyList<RunRecovery> Recoveries(string runId) => _inner.Recoveries(runId);

    public int InterruptUnfinishedRuns(DateTimeOffset at) => Write(() => _inner.InterruptUnfinishedRuns(at));

    /// <summary>Writes one page; success is what makes a store that failed count as writable again (see <see cref="CanWrite"/>).</summary>
    public void ProbeWrite() => Write(_inner.ProbeWrite, probe: true);

    public RunRecord? GetRun(string runId) => _endings.Apply(_inner.GetRun(runId));

    public IReadOnlyList<RunRecord> ListRuns(int limit = 200) => _endings.IsEmpty ? _inner.ListRuns(limit) : [.. _inner.ListRuns(limit).Select(r => _endings.Apply(r)!)];

    public IReadOnlyList<(int Month, string YearMonth, double Value)> Series(string runId, string figure, string? city = null) => _inner.Series(runId, figure, city);

    public IReadOnlyList<MonthFigures> Months(string runId, string? city = null) => _inner.Months(runId, city);

    public IReadOnlyList<StageCount> StageCounts(string runId) => _inner.StageCounts(runId);

    public IReadOnlyList<CityFlowTotal> FlowTotals(string runId, string kind) => _inner.FlowTotals(runId, kind);

    public IReadOnlyList<PolicySpendingRow> PolicySpending(string runId) => _inner.PolicySpending(runId);

    public IReadOnlyList<TechnologyTrace> FindTechnologies(string runId, TechnologySearch search) => _inner.FindTechnologies(runId, search);

    public IReadOnlyList<TransitionRow> TechnologyJourney(string runId, long technologyId) => _inner.TechnologyJourney(runId, technologyId);

    public IReadOnlyList<TransitionRow> RecentTransitions(string runId, string city, int limit) => _inner.RecentTransitions(runId, city, limit);

    public IReadOnlyList<MonthFlow> LatestFlowsFrom(string runId, string city) => _inner.LatestFlowsFrom(runId, city);

    public IReadOnlyList<MonthActivity> MonthActivity(string runId) => _inner.MonthActivity(runId);

    public IReadOnlyList<StageMonthCount> StageCountsByMonth(string runId, string? city, string? sector) => _inner.StageCountsByMonth(runId, city, sector);

    public IReadOnlyList<MonthFlow> FlowsByMonth(string runId, string kind) => _inner.FlowsByMonth(runId, kind);

    public RunFootprint? Footprint(string runId) => _inner.Footprint(runId);

    public RunFootprint? DeleteRun(string runId) => Write(() => _inner.DeleteRun(runId));

    public void SetLabel(string runId, string? label) => Write(() => _inner.SetLabel(runId, label));

    public IReadOnlyDictionary<string, string> Labels() => _inner.Labels();

    public IReadOnlyList<(int Month, string YearMonth)> StoredMonths(string runId) => _inner.StoredMonths(runId);

    public int CountTechnologies(string runId, TechnologySearch search) => _inner.CountTechnologies(runId, search);

    public void ExportCsv(string runId, string table, TextWriter writer) => _inner.ExportCsv(runId, table, writer);

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private void Write(Action write, bool probe = false) => Write(() =>
    {
        write();
        return 0;
    }, probe);

    private T Write<T>(Func<T> write, bool probe = false)
    {
        T result;
        try
        {
            result = write();
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex))
        {
            var problem = $"the results store cannot write ({StorageFaults.Reason(ex)})";
            Outcome(problem, ex, probe);
            throw new StoreWriteException(problem, ex);
        }
        Outcome(null, null, probe);
        return result;
    }

    /// <summary>
    /// Records a write's outcome and logs a change between failing and writing. Once failing, only
    /// a probe counts the store as writable again: a small write (a run's ending) can succeed on a
    /// disk too full for a month. Any success stores the endings kept meanwhile.
    /// </summary>
    private void Outcome(string? problem, Exception? exception, bool probe)
    {
        string? before;
        lock (_lock)
        {
            before = _problem;
            if (problem is not null || probe || before is null)
            {
                _problem = problem;
                _lastOutcome = _time.GetUtcNow();
            }
        }
        if (problem is not null && before is null)
        {
            LogCannotWrite(_logger, exception, _databasePath);
        }
        else if (problem is null && probe && before is not null)
        {
            LogWritesAgain(_logger, _databasePath);
        }
        if (problem is null && !_endings.IsEmpty)
        {
            try
            {
                _endings.WriteAll(_inner.Finish);
            }
            catch (Exception ex) when (StorageFaults.IsFault(ex))
            {
                // Still kept; the next successful write tries again.
                LogEndingsStillUnstored(_logger, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The results store {Path} cannot write; runs that need to write fail, and new runs are refused until it can.")]
    private static partial void LogCannotWrite(ILogger logger, Exception? exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The results store {Path} writes again.")]
    private static partial void LogWritesAgain(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} ended {Status}, but that could not be stored ({Problem}); it is reported as {Status} and stored once the store can write.")]
    private static partial void LogEndingKept(ILogger logger, string runId, string status, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept run endings are still not stored: {Problem}")]
    private static partial void LogEndingsStillUnstored(ILogger logger, string problem);
}
