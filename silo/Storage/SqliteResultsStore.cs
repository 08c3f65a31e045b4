using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The results store: one SQLite database, <c>gbasim.db</c>, in the data folder. Writes go
/// through one connection under a lock, each in one transaction, so runs on different threads
/// never contend for the database; reads open their own (pooled) connections and, the journal
/// being a write-ahead log, run alongside the writes.
/// </summary>
public sealed class SqliteResultsStore : IResultsStore, IDisposable
{
    public const string FileName = "gbasim.db";

    /// <summary>How long a statement waits for a lock held by another connection (another store on the same file, or a checkpoint).</summary>
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private readonly Lock _writeLock = new();
    private readonly SqliteConnection _writer;
    private readonly MonthWriter _months;
    private volatile bool _disposed;

    /// <summary>Opens (creating if need be) the database in <paramref name="dataFolder"/> and brings its schema up to date.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer build, with a schema this one does not know.</exception>
    public SqliteResultsStore(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        DatabasePath = Path.GetFullPath(Path.Combine(dataFolder, FileName));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        _writer = Open();
        try
        {
            // The journal mode is a property of the file and cannot change inside a transaction.
            // With a write-ahead log, synchronous = NORMAL loses nothing committed when the silo is
            // killed; only a power cut or OS crash can lose the last commits, never consistency.
            Execute(_writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            SchemaMigrations.Apply(_writer, DateTimeOffset.UtcNow);
            _months = new MonthWriter(_writer);
        }
        catch
        {
            _writer.Dispose();
            SqliteConnection.ClearPool(_writer);
            throw;
        }
    }

    public string DatabasePath { get; }

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
                RunRows.Insert(_writer, transaction, run);
            }
            catch (SqliteException e) when (e.IsConstraintViolation())
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
            var changed = Execute(_writer, transaction, "UPDATE runs SET status = 'running', started_at = $at WHERE id = $id AND status = 'queued'",
                ("$id", runId), ("$at", SqliteValues.Time(at)));
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
            if (!_months.Write(transaction, runId, month))
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
            var changed = Execute(_writer, transaction, """
                UPDATE runs SET status = 'completed', result_hash = $hash, seconds = $seconds, summary = $summary, finished_at = $at, error = NULL
                WHERE id = $id AND status = 'running'
                """,
                ("$id", runId), ("$hash", result.ResultHash), ("$seconds", SqliteValues.Real(result.Seconds)),
                ("$summary", SqliteValues.Text(RunRows.Summary(result.Summary))), ("$at", SqliteValues.Time(at)));
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
            var changed = Execute(_writer, transaction, """
                UPDATE runs SET status = $status, error = $error, finished_at = $at
                WHERE id = $id AND status IN ('queued', 'running')
                """,
                ("$id", runId), ("$status", status.Name()), ("$error", SqliteValues.Text(error)), ("$at", SqliteValues.Time(at)));
            if (changed == 0)
            {
                throw NotIn(transaction, runId, "queued or running", $"mark {status.Name()}");
            }
        });
    }

    // Checkpoint manifests: the storage work adds their table (see IResultsStore).
    public void CommitCheckpoint(CheckpointManifest manifest) => throw new NotSupportedException("This results store keeps no checkpoints yet.");

    public CheckpointManifest? LatestCheckpoint(string runId) => null;

    public int InterruptUnfinishedRuns(DateTimeOffset at)
    {
        var interrupted = 0;
        Write(transaction =>
        {
            var unfinished = new List<(string Id, string Status, int MonthsDone)>();
            using (var select = Command(_writer, transaction, "SELECT id, status, months_done FROM runs WHERE status IN ('queued', 'running') ORDER BY run_key"))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    unfinished.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
                }
            }
            foreach (var (id, status, monthsDone) in unfinished)
            {
                var error = status == RunStatus.Queued.Name() ? "The silo stopped before the run started."
                    : monthsDone == 0 ? "The silo stopped before the run finished its first month."
                    : $"The silo stopped before the run finished; months 1..{monthsDone} are kept.";
                Execute(_writer, transaction, "UPDATE runs SET status = 'interrupted', error = $error, finished_at = $at WHERE id = $id",
                    ("$id", id), ("$error", error), ("$at", SqliteValues.Time(at)));
            }
            interrupted = unfinished.Count;
        });
        return interrupted;
    }

    public void ProbeWrite() => Write(transaction =>
    {
        // Setting the header's user version to what it is rewrites page 1 and changes nothing else.
        using var read = Command(_writer, transaction, "PRAGMA user_version");
        var version = Convert.ToInt64(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Execute(_writer, transaction, $"PRAGMA user_version = {version}");
    });

    public RunRecord? GetRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        using var command = Command(connection, null, $"SELECT {RunRows.Columns} FROM runs WHERE id = $id", ("$id", runId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? RunRows.Read(reader) : null;
    }

    public IReadOnlyList<RunRecord> ListRuns(int limit = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = OpenForRead();
        using var command = Command(connection, null, $"SELECT {RunRows.Columns} FROM runs ORDER BY created_ticks DESC, run_key DESC LIMIT $limit", ("$limit", limit));
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
            CROSS JOIN month_figures f ON f.run_key = m.run_key AND f.month = m.month AND f.city = $city AND f.figure = $figure
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = $id)
            ORDER BY m.month
            """, ("$id", runId), ("$city", place), ("$figure", figure));
        using var reader = command.ExecuteReader();
        var series = new List<(int, string, double)>();
        while (reader.Read())
        {
            series.Add((reader.GetInt32(0), reader.GetString(1), SqliteValues.Real(reader, 2)));
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
            CROSS JOIN month_figures f ON f.run_key = m.run_key AND f.month = m.month AND f.city = $city
            WHERE m.run_key = (SELECT run_key FROM runs WHERE id = $id)
            ORDER BY m.month, f.figure
            """, ("$id", runId), ("$city", place));
        using var reader = command.ExecuteReader();
        var months = new List<MonthFigures>();
        Dictionary<string, double>? figures = null;
        while (reader.Read())
        {
            var month = reader.GetInt32(0);
            if (months.Count == 0 || months[^1].Month != month)
            {
                figures = [];
                months.Add(new MonthFigures(month, reader.GetString(1), figures));
            }
            figures![reader.GetString(2)] = SqliteValues.Real(reader, 3);
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
        using var transaction = connection.BeginTransaction(deferred: true);
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

    public RunFootprint? Footprint(string runId) =>
        Read(runId, connection => GetRun(runId) is null ? null : RunHousekeeping.Footprint(connection, null, runId));

    public RunFootprint? DeleteRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        RunFootprint? freed = null;
        Write(transaction =>
        {
            using var status = Command(_writer, transaction, "SELECT status FROM runs WHERE id = $id", ("$id", runId));
            switch (status.ExecuteScalar())
            {
                case null:
                    return;
                case "queued" or "running":
                    throw NotIn(transaction, runId, "finished", "delete");
            }
            freed = RunHousekeeping.Footprint(_writer, transaction, runId);
            RunHousekeeping.Delete(_writer, transaction, runId);
        });
        return freed;
    }

    public void SetLabel(string runId, string? label)
    {
        ArgumentNullException.ThrowIfNull(runId);
        Write(transaction => RunHousekeeping.SetLabel(_writer, transaction, runId, label));
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

    /// <summary>A pragma's value as a read connection of this store sees it (for tests).</summary>
    internal object? Pragma(string name)
    {
        using var connection = OpenForRead();
        using var command = Command(connection, null, $"PRAGMA {name}");
        return command.ExecuteScalar();
    }

    /// <summary>Caps the database at its present size, so that the next write needing a page fails as on a full disk (for tests).</summary>
    internal void FillDisk()
    {
        lock (_writeLock)
        {
            using var count = Command(_writer, null, "PRAGMA page_count");
            Execute(_writer, $"PRAGMA max_page_count = {Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Lifts the cap of <see cref="FillDisk"/>, as freeing space would (for tests).</summary>
    internal void FreeDisk()
    {
        lock (_writeLock)
        {
            Execute(_writer, "PRAGMA max_page_count = 4294967294");
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _months.Dispose();
            _writer.Dispose();
            // Close the pooled read connections too, so the files are released.
            SqliteConnection.ClearPool(_writer);
        }
    }

    /// <summary>Runs one read query of a run on a read connection of its own.</summary>
    private T Read<T>(string runId, Func<SqliteConnection, T> query)
    {
        ArgumentNullException.ThrowIfNull(runId);
        using var connection = OpenForRead();
        return query(connection);
    }

    /// <summary>Runs <paramref name="write"/> in one immediate transaction under the write lock, committing only if it returns.</summary>
    private void Write(Action<SqliteTransaction> write)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction(deferred: false);
            write(transaction);
            transaction.Commit();
        }
    }

    /// <summary>The error for a run that is unknown or not in the status an operation needs.</summary>
    private InvalidOperationException NotIn(SqliteTransaction transaction, string runId, string needed, string operation)
    {
        using var command = Command(_writer, transaction, "SELECT status FROM runs WHERE id = $id", ("$id", runId));
        return command.ExecuteScalar() is string status
            ? new InvalidOperationException($"Cannot {operation} run '{runId}': it is {status}, not {needed}.")
            : new InvalidOperationException($"Cannot {operation} run '{runId}': no such run is stored.");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    private SqliteConnection OpenForRead()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Open();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
