using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GbaSim.Silo.Storage;

/// <summary>
/// An insert compiled once and executed row after row through SQLite's own statement API.
/// <see cref="SqliteCommand"/> looks every parameter up by name and builds a data reader on each
/// execution, which doubles the cost of the hundreds of thousands of rows a run appends. It
/// runs on its connection's current transaction; errors surface as <see cref="SqliteException"/>.
/// Not thread-safe.
/// </summary>
internal sealed class PreparedInsert : IRowInsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public PreparedInsert(SqliteConnection connection, MonthTable table)
        : this(connection, $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))})")
    {
    }

    public PreparedInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open to prepare a statement.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1); bindings hold until replaced.</summary>
    public void Set(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds a real; SQLite has no NaN, so NaN is bound as NULL.</summary>
    public void Set(int index, double value) =>
        Check(double.IsNaN(value) ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_double(_statement, index, value));

    public void Set(int index, StoredName value) => Check(raw.sqlite3_bind_text(_statement, index, value.Utf8));

    public void Set(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Inserts a row with the current bindings.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            try
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }
        raw.sqlite3_reset(_statement);
    }

    /// <summary>Each row is inserted as it is executed.</summary>
    public void Complete()
    {
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
