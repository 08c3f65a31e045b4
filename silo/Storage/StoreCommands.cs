using System.Data.Common;
using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>Commands of the results store's queries, which are written once for SQLite and PostgreSQL alike (parameters as <c>@name</c>).</summary>
internal static class StoreCommands
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // SQLite's CROSS JOIN pins the join order (see SchemaMigrations); PostgreSQL plans joins itself and takes no ON after CROSS JOIN.
        command.CommandText = connection is NpgsqlConnection ? sql.Replace("CROSS JOIN", "JOIN", StringComparison.Ordinal) : sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
