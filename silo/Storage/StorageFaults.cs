using Microsoft.Data.Sqlite;
using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Which failures of SQLite, PostgreSQL and the file system mean the disk or database cannot be used (as
/// opposed to a refused operation or a bug), and how to say so in a few words that name no path,
/// since they reach remote callers.
/// </summary>
internal static class StorageFaults
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    public const int Perm = 3;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int NoMem = 7;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Protocol = 15;
    public const int Auth = 23;
    public const int NotADb = 26;

    /// <summary>SQLite's primary code of an exception (extended codes carry it in the low byte).</summary>
    public static int Code(SqliteException ex) => ex.SqliteErrorCode & 0xFF;

    /// <summary>Whether <paramref name="ex"/> says the store's disk or file failed, not the operation.</summary>
    public static bool IsFault(Exception ex) => ex switch
    {
        SqliteException sqlite => Code(sqlite) is Perm or Busy or Locked or NoMem or ReadOnly or IoErr or Corrupt or Full or CantOpen or Protocol or Auth or NotADb,
        IOException or UnauthorizedAccessException => true,
        // A refused statement (a duplicate, a check) is the operation's fault; anything else from PostgreSQL is the server's or the network's.
        PostgresException postgres => postgres.SqlState.StartsWith("53", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>What went wrong, e.g. "the database or disk is full".</summary>
    public static string Reason(Exception ex) => ex switch
    {
        SqliteException sqlite => Code(sqlite) switch
        {
            Full => "the database or disk is full",
            IoErr => "the disk reported an I/O error",
            ReadOnly => "the database is read-only",
            CantOpen => "the database file cannot be opened",
            Corrupt or NotADb => "the database file is damaged",
            Busy or Locked => "the database is locked by another program",
            Perm or Auth => "permission was denied",
            NoMem => "SQLite ran out of memory",
            _ => "SQLite failed",
        },
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "the PostgreSQL server's disk is full",
        PostgresException postgres => $"the PostgreSQL server failed: {postgres.SqlState}",
        NpgsqlException => "the PostgreSQL server cannot be reached",
        UnauthorizedAccessException => "permission was denied",
        IOException io when io.HResult is 28 or unchecked((int)0x80070070) => "the disk is full",
        _ => "the disk reported an I/O error",
    };
}
