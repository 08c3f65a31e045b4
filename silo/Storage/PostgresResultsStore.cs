using System.Data;
using System.Data.Common;
using GbaSim.Engine.Runs;
using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The results store in a PostgreSQL database that several silos share: each write is one
/// transaction on a pooled connection of its own (the server orders concurrent writers), and a
/// month's rows go in by COPY. The schema is brought up to date on opening, one silo at a time.
/// </summary>
public sealed class PostgresResultsStore : SqlResultsStore
{
    private readonly NpgsqlDataSource _source;

    /// <summary>Connects, checks the server answers, and brings the schema up to date.</summary>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the connection.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer build, with a schema this one does not know.</exception>
    public PostgresResultsStore(StoreAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Location = address.ToString();
        _source = NpgsqlDataSource.Create(address.ConnectionString);
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            StoreCommands.Execute(connection, transaction, PostgresSchema.UpgradeLock);
            SchemaUpgrade.Apply(transaction, PostgresSchema.All, PostgresSchema.HasVersionTable, $"The PostgreSQL results store {Location}",
                "point this one at another database", DateTimeOffset.UtcNow);
            transaction.Commit();
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    public override string Location { get; }

    public override bool IsShared => true;

    /// <summary>The server's connections, for the comparisons kept beside the runs.</summary>
    internal NpgsqlDataSource Source => _source;

    public override void ProbeWrite() => Write(transaction =>
        // Rewrites the newest version row with what it holds: a real write that changes nothing a reader sees.
        StoreCommands.Execute(transaction.Connection!, transaction, "UPDATE schema_version SET applied_at = applied_at WHERE version = (SELECT max(version) FROM schema_version)"));

    public override void Dispose() => _source.Dispose();

    protected override void Write(Action<DbTransaction> write)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        write(transaction);
        transaction.Commit();
    }

    protected override DbConnection OpenForRead() => _source.OpenConnection();

    protected override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    protected override bool IsConstraintViolation(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override bool WriteMonth(DbTransaction transaction, string runId, MonthRecord month)
    {
        var connection = (NpgsqlConnection)transaction.Connection!;
        using var months = new MonthWriter(connection, table => new CopyRows(connection, table), IsConstraintViolation);
        return months.Write(transaction, runId, month);
    }
}
