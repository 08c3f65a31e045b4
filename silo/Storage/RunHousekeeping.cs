using System.Globalization;
using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Labels and deletion of stored runs: how many rows a run holds in each table (what deleting it
/// frees), deleting them, and the labels people give runs to find them again.
/// </summary>
internal static class RunHousekeeping
{
    private const string RunKey = "(SELECT run_key FROM runs WHERE id = $id)";

    /// <summary>The tables that hold a run's rows, children first, so that deleting in this order never leaves an orphan.</summary>
    private static readonly string[] Tables = ["month_figures", "transitions", "flows", "policy_spending", "run_labels", "run_months"];

    public static RunFootprint Footprint(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT count(*) FROM {table} WHERE run_key = {RunKey}";
            command.Parameters.AddWithValue("$id", runId);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return new RunFootprint(runId, Count("run_months"), Count("month_figures"), Count("transitions"), Count("flows"), Count("policy_spending"));
    }

    /// <summary>Deletes every row of a run, the run's own last.</summary>
    public static void Delete(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        foreach (var table in Tables.Append("runs"))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM {table} WHERE run_key = {RunKey}";
            command.Parameters.AddWithValue("$id", runId);
            command.ExecuteNonQuery();
        }
    }

    public static void SetLabel(SqliteConnection connection, SqliteTransaction transaction, string runId, string? label)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.IsNullOrWhiteSpace(label)
            ? $"DELETE FROM run_labels WHERE run_key = {RunKey}"
            : $"INSERT INTO run_labels (run_key, label) VALUES ({RunKey}, $label) ON CONFLICT (run_key) DO UPDATE SET label = excluded.label";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$label", label?.Trim() ?? "");
        command.ExecuteNonQuery();
    }

    public static IReadOnlyDictionary<string, string> Labels(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.id, l.label FROM run_labels l JOIN runs r ON r.run_key = l.run_key";
        using var reader = command.ExecuteReader();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            labels[reader.GetString(0)] = reader.GetString(1);
        }
        return labels;
    }
}
