using System.Data.Common;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// What the SQLite and PostgreSQL results stores share: every operation, written once in the
/// SQL both understand. A store of either kind says how it opens connections, runs a write
/// transaction, inserts a month's rows, probes a write and recognises a duplicate row.
/// </summary>
public abstract class SqlResultsStore : IResultsStore, IGrainStateTable, IDisposable
{
    /// <summary>Where the store lives, for messages and logs: a file path, or a server and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>Whether several silos share this store, so that none may take another's unfinished runs for its own.</summary>
    public abstract bool IsShared { get; }

    public void CreateRun(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Queued || run.MonthsDone != 0)
        {
            throw new ArgumentException($"A new run must be queued with no months done, but run '{run.Id}' is {run.Status.Name()} with {run.MonthsDone}.", nameof(run));
        }
        Write(transaction =>
        {
            try
            {
                RunRows.Insert(transaction.Connection!, transaction, run);
            }
            catch (Exception e) when (IsConstraintViolation(e))
            {
                throw new InvalidOperationException($"A run with id '{run.Id}' is already stored.", e);
            }
        });
    }

    public void MarkStarted(string runId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(runId);
        Write(transaction =>
        {
            var changed = Execute(transaction, "UPDATE runs SET status = 'running', started_at = @at WHERE id = @id AND status = 'queued'",
                ("@id", runId), ("@at", StoredValues.Time(at)));
            if (changed == 0)
            {
                throw NotIn(transaction, runId, "queued", "start");
            }
        });
    }

    public void AppendMonth(string runId, MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(month);
        Write(transaction =>
        {
            if (!WriteMonth(transaction, runId, month))
            {
                throw NotIn(transaction, runId, "running", $"append month {month.Index} to");
            }
        });
    }

    public void Complete(string runId, RunResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(result);
        Write(transaction =>
        {
            var changed = Execute(transaction, """
                UPDATE runs SET status = 'completed', result_hash = @hash, seconds = @seconds, summary = @summary, finished_at = @at, error = NULL
                WHERE id = @id AND status = 'running'
                """,
                ("@id", runId), ("@hash", result.ResultHash), ("@seconds", StoredValues.Real(result.Seconds)),
                ("@summary", StoredValues.Text(RunRows.Summary(result.Summary))), ("@at", StoredValues.Time(at)));
            if (changed == 0)
            {
                throw NotIn(transaction, runId, "running", "complete");
            }
        });
    }

    public void Finish(string runId, RunStatus status, string? error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (status is not (RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted))
        {
            throw new ArgumentException($"A run is finished as failed, cancelled or interrupted (completed runs go through {nameof(Complete)}), not {status.Name()}.", nameof(status));
        }
        Write(transaction =>
        {
            var changed = Execute(transaction, """
                UPDATE runs SET status = @status, error = @error, finished_at = @at
                WHERE id = @id AND status IN ('queued', 'running')
                """,
                ("@id", runId), ("@status", status.Name()), ("@error", StoredValues.Text(error)), ("@at", StoredValues.Time(at)));
            if (changed == 0)
            {
                throw NotIn(transaction, runId, "queued or running", $"mark {status.Name()}");
            }
        });
    }

    public void CommitCheckpoint(CheckpointManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Write(transaction =>
        {
            var changed = Execute(transaction, """
                INSERT INTO checkpoints (run_key, next_step, shards, world_hash, run_state, at)
                SELECT run_key, @step, @shards, @hash, @state, @at FROM runs WHERE id = @id
                ON CONFLICT (run_key) DO UPDATE SET next_step = excluded.next_step, shards = excluded.shards,
                    world_hash = excluded.world_hash, run_state = excluded.run_state, at = excluded.at
                """,
                ("@id", manifest.RunId), ("@step", manifest.NextStep), ("@shards", manifest.Shards), ("@hash", manifest.WorldHash),
                ("@state", manifest.RunState), ("@at", StoredValues.Time(manifest.At)));
            if (changed == 0)
            {
                throw new InvalidOperationException($"Cannot commit a checkpoint of run '{manifest.RunId}': no such run is stored.");
            }
        });
    }

    public void Resume(string runId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(runId);
        Write(transaction =>
        {
            var changed = Execute(transaction, "UPDATE runs SET status = 'running', error = NULL, finished_at = NULL WHERE id = @id AND status = 'interrupted'",
                ("@id", runId));
            if (changed == 0)
            {
                throw NotIn(transaction, runId, "interrupted", "resume");
            }
        });
    }

    public void RecordRecovery(string runId, RunRecovery recovery)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(recovery);
        Write(transaction => Execute(transaction, """
            INSERT INTO run_recoveries (run_key, seq, at, lost_silos, failed_step, restart_step, seconds)
            SELECT r.run_key, (SELECT count(*) FROM run_recoveries x WHERE x.run_key = r.run_key), @at, @lost, @failed, @restart, @seconds
            FROM runs r WHERE r.id = @id
            """,
            ("@id", runId), ("@at", StoredValues.Time(recovery.At)), ("@lost", recovery.LostSilos), ("@failed", recovery.FailedStep),
            ("@restart", recovery.RestartStep), ("@seconds", recovery.Seconds)));
    }

    public IReadOnlyList<RunRecovery> Recoveries(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        using var command = Command(connection, null, """
            SELECT x.at, x.lost_silos, x.failed_step, x.restart_step, x.seconds
            FROM run_recoveries x JOIN runs r ON r.run_key = x.run_key WHERE r.id = @id ORDER BY x.seq
            """, ("@id", runId));
        using var reader = command.ExecuteReader();
        var recoveries = new List<RunRecovery>();
        while (reader.Read())
        {
            recoveries.Add(new RunRecovery(StoredValues.Time(reader, 0)!.Value, reader.GetString(1), StoredValues.Long(reader, 2), StoredValues.Long(reader, 3), reader.GetDouble(4)));
        }
        return recoveries;
    }

    public RunFootprint? Footprint(string runId) =>
        Read(runId, connection => GetRun(runId) is null ? null : RunHousekeeping.Footprint(connection, null, runId));

    public RunFootprint? DeleteRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        RunFootprint? freed = null;
        Write(transaction =>
        {
            using var status = Command(transaction, "SELECT status FROM runs WHERE id = @id", ("@id", runId));
            switch (status.ExecuteScalar())
            {
                case null or DBNull:
                    return;
                case "queued" or "running":
                    throw NotIn(transaction, runId, "finished", "delete");
            }
            freed = RunHousekeeping.Footprint(transaction.Connection!, transaction, runId);
            RunHousekeeping.Delete(transaction.Connection!, transaction, runId);
        });
        return freed;
    }

    public void SetLabel(string runId, string? label)
    {
        ArgumentNullException.ThrowIfNull(runId);
        Write(transaction => RunHousekeeping.SetLabel(transaction.Connection!, transaction, runId, label));
    }

    public IReadOnlyDictionary<string, string> Labels()
    {
        using var connection = OpenForRead();
        return RunHousekeeping.Labels(connection);
    }

    public IReadOnlyList<StageMonthCount> StageCountsByMonth(string runId, string? city, string? sector) =>
        Read(runId, connection => TimelineQueries.StageCounts(connection, runId, city, sector));

    public IReadOnlyList<MonthFlow> FlowsByMonth(string runId, string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Read(runId, connection => TimelineQueries.Flows(connection, runId, kind));
    }

    public IReadOnlyList<(int Month, string YearMonth)> StoredMonths(string runId) => Read(runId, connection => TimelineQueries.Months(connection, runId));

    public int CountTechnologies(string runId, TechnologySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return Read(runId, connection => DashboardQueries.CountTechnologies(connection, runId, search));
    }

    public CheckpointManifest? LatestCheckpoint(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        using var command = Command(connection, null, """
            SELECT c.next_step, c.shards, c.world_hash, c.run_state, c.at
            FROM checkpoints c JOIN runs r ON r.run_key = c.run_key WHERE r.id = @id
            """, ("@id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new CheckpointManifest(runId, StoredValues.Long(reader, 0), StoredValues.Int(reader, 1), reader.GetString(2), (byte[])reader.GetValue(3), StoredValues.Time(reader, 4)!.Value)
            : null;
    }

    public StoredGrainState? ReadGrainState(string stateName, string grainId)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainId);
        using var connection = OpenForRead();
        using var command = Command(connection, null, "SELECT data, etag FROM grain_states WHERE state_name = @name AND grain_id = @grain",
            ("@name", stateName), ("@grain", grainId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredGrainState((byte[])reader.GetValue(0), reader.GetString(1)) : null;
    }

    public string WriteGrainState(string stateName, string grainId, byte[] data, string? expectedETag)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainId);
        ArgumentNullException.ThrowIfNull(data);
        var etag = GrainStateTags.New();
        // The tag is checked by the write itself, so that two silos writing at once cannot both pass a check.
        Write(transaction =>
        {
            var written = expectedETag is null
                ? Execute(transaction, """
                    INSERT INTO grain_states (state_name, grain_id, data, etag) VALUES (@name, @grain, @data, @etag)
                    ON CONFLICT (state_name, grain_id) DO NOTHING
                    """, ("@name", stateName), ("@grain", grainId), ("@data", data), ("@etag", etag))
                : Execute(transaction, "UPDATE grain_states SET data = @data, etag = @etag WHERE state_name = @name AND grain_id = @grain AND etag = @expected",
                    ("@name", stateName), ("@grain", grainId), ("@data", data), ("@etag", etag), ("@expected", expectedETag));
            if (written == 0)
            {
                throw Conflict(transaction, stateName, grainId, expectedETag);
            }
        });
        return etag;
    }

    public void ClearGrainState(string stateName, string grainId, string? expectedETag)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainId);
        Write(transaction =>
        {
            var cleared = Execute(transaction, "DELETE FROM grain_states WHERE state_name = @name AND grain_id = @grain AND etag = @expected",
                ("@name", stateName), ("@grain", grainId), ("@expected", StoredValues.Text(expectedETag)));
            // With no tag expected, nothing stored is what was asked for; anything stored is a conflict.
            if (cleared == 0 && (expectedETag is not null || Stored(transaction, stateName, grainId) is not null))
            {
                throw Conflict(transaction, stateName, grainId, expectedETag);
            }
        });
    }

    public int ClearGrainStates(string stateName, string grainIdPrefix)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainIdPrefix);
        var removed = 0;
        // substr, not LIKE: a grain id may hold '%' or '_'.
        Write(transaction => removed = Execute(transaction,
            "DELETE FROM grain_states WHERE state_name = @name AND substr(grain_id, 1, length(@prefix)) = @prefix",
            ("@name", stateName), ("@prefix", grainIdPrefix)));
        return removed;
    }

    public int InterruptUnfinishedRuns(DateTimeOffset at)
    {
        var interrupted = 0;
        Write(transaction =>
        {
            var unfinished = new List<(string Id, string Status, int MonthsDone)>();
            using (var select = Command(transaction, "SELECT id, status, months_done FROM runs WHERE status IN ('queued', 'running') ORDER BY run_key"))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    unfinished.Add((reader.GetString(0), reader.GetString(1), StoredValues.Int(reader, 2)));
                }
            }
            foreach (var (id, status, monthsDone) in unfinished)
            {
                var error = status == RunStatus.Queued.Name() ? "The silo stopped before the run started."
                    : monthsDone == 0 ? "The silo stopped before the run finished its first month."
                    : $"The silo stopped before the run finished; months 1..{monthsDone} are kept.";
                Execute(transaction, "UPDATE runs SET status = 'interrupted', error = @error, finished_at = @at WHERE id = @id",
                    ("@id", id), ("@error", error), ("@at", StoredValues.Time(at)));
            }
            interrupted = unfinished.Count;
        });
        return interrupted;
    }

    public RunRecord? GetRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        using var command = Command(connection, null, $"SELECT {RunRows.Columns} FROM runs WHERE id = @id", ("@id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? RunRows.Read(reader) : null;
    }

    public IReadOnlyList<RunRecord> ListRuns(int limit = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = OpenForRead();
        using var command = Command(connection, null, $"SELECT {RunRows.Columns} FROM runs ORDER BY created_ticks DESC, run_key DESC LIMIT @limit", ("@limit", limit));
        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(RunRows.Read(reader));
        }
        return runs;
    }

    public IReadOnlyList<(int Month, string YearMonth, double Value)> Series(string runId, string figure, string? city = null)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(figure);
        var place = StoredNames.Place(city);
        using var connection = OpenForRead();
        using var command = Command(connection, null, """
            SELECT m.month, m.year_month, f.value
            FROM run_months m
            CROSS JOIN month_figures f ON f.run_key = m.run_key AND f.month = m.month AND f.city = @city AND f.figure = @figure
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month
            """, ("@id", runId), ("@city", place), ("@figure", figure));
        using var reader = command.ExecuteReader();
        var series = new List<(int, string, double)>();
        while (reader.Read())
        {
            series.Add((StoredValues.Int(reader, 0), reader.GetString(1), StoredValues.Real(reader, 2)));
        }
        return series;
    }

    public IReadOnlyList<MonthFigures> Months(string runId, string? city = null)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var place = StoredNames.Place(city);
        using var connection = OpenForRead();
        using var command = Command(connection, null, """
            SELECT m.month, m.year_month, f.figure, f.value
            FROM run_months m
            CROSS JOIN month_figures f ON f.run_key = m.run_key AND f.month = m.month AND f.city = @city
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = @id)
            ORDER BY m.month, f.figure
            """, ("@id", runId), ("@city", place));
        using var reader = command.ExecuteReader();
        var months = new List<MonthFigures>();
        Dictionary<string, double>? figures = null;
        while (reader.Read())
        {
            var month = StoredValues.Int(reader, 0);
            if (months.Count == 0 || months[^1].Month != month)
            {
                figures = [];
                months.Add(new MonthFigures(month, reader.GetString(1), figures));
            }
            figures![reader.GetString(2)] = StoredValues.Real(reader, 3);
        }
        return months;
    }

    public void ExportCsv(string runId, string table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(writer);
        CsvTableExport.Validate(table);
        using var connection = OpenForRead();
        // One read transaction: the export is a consistent snapshot even while the run goes on.
        using var transaction = BeginSnapshot(connection);
        CsvTableExport.Write(connection, transaction, runId, table, writer);
    }

    public IReadOnlyList<StageCount> StageCounts(string runId) => Read(runId, connection => DashboardQueries.Chain(connection, runId));

    public IReadOnlyList<CityFlowTotal> FlowTotals(string runId, string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Read(runId, connection => DashboardQueries.Flows(connection, runId, kind));
    }

    public IReadOnlyList<PolicySpendingRow> PolicySpending(string runId) => Read(runId, connection => DashboardQueries.Policies(connection, runId));

    public IReadOnlyList<TechnologyTrace> FindTechnologies(string runId, TechnologySearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(search.Limit);
        return Read(runId, connection => DashboardQueries.FindTechnologies(connection, runId, search));
    }

    public IReadOnlyList<TransitionRow> TechnologyJourney(string runId, long technologyId) => Read(runId, connection => DashboardQueries.Journey(connection, runId, technologyId));

    public IReadOnlyList<TransitionRow> RecentTransitions(string runId, string city, int limit)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(runId, connection => DashboardQueries.RecentTransitions(connection, runId, city, limit));
    }

    public IReadOnlyList<MonthFlow> LatestFlowsFrom(string runId, string city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return Read(runId, connection => DashboardQueries.LatestFlowsFrom(connection, runId, city));
    }

    public IReadOnlyList<MonthActivity> MonthActivity(string runId) => Read(runId, connection => DashboardQueries.Activity(connection, runId));

    public abstract void ProbeWrite();

    public abstract void Dispose();

    /// <summary>Runs <paramref name="write"/> in one transaction, committing only if it returns.</summary>
    protected abstract void Write(Action<DbTransaction> write);

    /// <summary>An open connection for reading, disposed by the caller.</summary>
    protected abstract DbConnection OpenForRead();

    /// <summary>A read transaction that sees one state of the database throughout.</summary>
    protected abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>Whether a statement failed on a key or constraint (a row already stored).</summary>
    protected abstract bool IsConstraintViolation(Exception exception);

    /// <summary>Writes a month (see <see cref="MonthWriter.Write"/>).</summary>
    protected abstract bool WriteMonth(DbTransaction transaction, string runId, MonthRecord month);

    /// <summary>Runs one read query of a run on a read connection of its own.</summary>
    private T Read<T>(string runId, Func<DbConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        return query(connection);
    }


    /// <summary>The conflict of a write or clear under <paramref name="expectedETag"/>, naming the tag stored now.</summary>
    private static GrainStateConflictException Conflict(DbTransaction transaction, string stateName, string grainId, string? expectedETag) =>
        new(stateName, grainId, expectedETag, Stored(transaction, stateName, grainId));

    /// <summary>The tag of the stored state, or null if none is stored.</summary>
    private static string? Stored(DbTransaction transaction, string stateName, string grainId)
    {
        using var command = Command(transaction, "SELECT etag FROM grain_states WHERE state_name = @name AND grain_id = @grain",
            ("@name", stateName), ("@grain", grainId));
        return command.ExecuteScalar() as string;
    }

    /// <summary>The error for a run that is unknown or not in the status an operation needs.</summary>
    private InvalidOperationException NotIn(DbTransaction transaction, string runId, string needed, string operation)
    {
        using var command = Command(transaction, "SELECT status FROM runs WHERE id = @id", ("@id", runId));
        return command.ExecuteScalar() is string status
            ? new InvalidOperationException($"Cannot {operation} run '{runId}': it is {status}, not {needed}.")
            : new InvalidOperationException($"Cannot {operation} run '{runId}': no such run is stored.");
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        StoreCommands.Command(connection, transaction, sql, parameters);

    private static DbCommand Command(DbTransaction transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        StoreCommands.Command(transaction.Connection!, transaction, sql, parameters);

    private static int Execute(DbTransaction transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        StoreCommands.Execute(transaction.Connection!, transaction, sql, parameters);
}
