using System.Data.Common;
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
public sealed class SqliteResultsStore : SqlResultsStore
{
    public const string FileName = "gbasim.db";

    /// <summary>How long a statement waits for a lock held by another connection (another store on the same file, or a checkpoint).</summary>
    private const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>The page size of a new store file, in bytes.</summary>
    public const int PageSize = 16_384;

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
            // Pages of 16 KiB (for a new file only) because checkpoints are blobs of tens of MB: every
            // page of a replaced blob is read back to free it, 1.13 M preads in a full baseline on
            // 4 KiB pages against 0.28 M; 64 KiB pages read fewer still but write more per month.
            Execute(_writer, $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            SchemaMigrations.Apply(_writer, DateTimeOffset.UtcNow);
            _months = new MonthWriter(_writer, table => new PreparedInsert(_writer, table), e => e is SqliteException sqlite && sqlite.IsConstraintViolation());
        }
        catch
        {
            _writer.Dispose();
            SqliteConnection.ClearPool(_writer);
            throw;
        }
    }

    public string DatabasePath { get; }

    public override string Location => DatabasePath;

    public override bool IsShared => false;

    public override void ProbeWrite() => Write(transaction =>
    {
        // Setting the header's user version to what it is rewrites page 1 and changes nothing else.
        using var read = Command(_writer, (SqliteTransaction)transaction, "PRAGMA user_version");
        var version = Convert.ToInt64(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Execute(_writer, (SqliteTransaction)transaction, $"PRAGMA user_version = {version}");
    });

    /// <summary>A pragma's value as a read connection of this store sees it (for tests).</summary>
    internal object? Pragma(string name)
    {
        using var connection = OpenRead();
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

    public override void Dispose()
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

    /// <summary>Runs <paramref name="write"/> in one immediate transaction under the write lock, committing only if it returns.</summary>
    protected override void Write(Action<DbTransaction> write)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction(deferred: false);
            write(transaction);
            transaction.Commit();
        }
    }

    /// <summary>Throws <see cref="GrainStateConflictException"/> unless the stored tag (or its absence) is the expected one.</summary>
    private void CheckTag(SqliteTransaction transaction, string stateName, string grainId, string? expectedETag)
    {
        using var command = Command(_writer, transaction, "SELECT etag FROM grain_states WHERE state_name = @name AND grain_id = @grain",
            ("@name", stateName), ("@grain", grainId));
        var stored = command.ExecuteScalar() as string;
        if (stored != expectedETag)
        {
            throw new GrainStateConflictException(stateName, grainId, expectedETag, stored);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        return connection;
    }

    protected override DbConnection OpenForRead() => OpenRead();

    protected override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    protected override bool IsConstraintViolation(Exception exception) => exception is SqliteException sqlite && sqlite.IsConstraintViolation();

    protected override bool WriteMonth(DbTransaction transaction, string runId, MonthRecord month) => _months.Write(transaction, runId, month);

    private SqliteConnection OpenRead()
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
