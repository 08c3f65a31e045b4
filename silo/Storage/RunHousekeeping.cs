using System.Data.Common;
using System.Globalization;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Labels and deletion of stored runs: how many rows a run holds in each table (what deleting it
/// frees), deleting them with its checkpoint and recoveries, and the labels people give runs to find them again.
/// </summary>
internal static class RunHousekeeping
{
    private const string RunKey = "(SELECT run_key FROM runs WHERE id = @id)";

    /// <summary>The tables that hold a run's rows, children first, so that deleting in this order never leaves an orphan.</summary>
    private static readonly string[] Tables = ["month_figures", "transitions", "flows", "policy_spending", "run_labels", "checkpoints", "run_recoveries", "run_months"];

    public static RunFootprint Footprint(DbConnection connection, DbTransaction? transaction, string runId)
    {
        long Count(string table)
        {
            using var command = StoreCommands.Command(connection, transaction, $"SELECT count(*) FROM {table} WHERE run_key = {RunKey}", ("@id", runId));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return new RunFootprint(runId, Count("run_months"), Count("month_figures"), Count("transitions"), Count("flows"), Count("policy_spending"));
    }

    /// <summary>Deletes every row of a run, the run's own last, and the states its shards kept.</summary>
    public static void Delete(DbConnection connection, DbTransaction transaction, string runId)
    {
        foreach (var table in Tables.Append("runs"))
        {
            StoreCommands.Execute(connection, transaction, $"DELETE FROM {table} WHERE run_key = {RunKey}", ("@id", runId));
        }
        // Shard grains are keyed {run}/{index}; their states are stored under ids that hold that key.
        StoreCommands.Execute(connection, transaction, "DELETE FROM grain_states WHERE grain_id LIKE @prefix ESCAPE '\\'",
            ("@prefix", "%/" + runId.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "/%"));
    }

    public static void SetLabel(DbConnection connection, DbTransaction transaction, string runId, string? label)
    {
        var sql = string.IsNullOrWhiteSpace(label)
            ? $"DELETE FROM run_labels WHERE run_key = {RunKey}"
            : $"INSERT INTO run_labels (run_key, label) VALUES ({RunKey}, @label) ON CONFLICT (run_key) DO UPDATE SET label = excluded.label";
        StoreCommands.Execute(connection, transaction, sql, ("@id", runId), ("@label", label?.Trim() ?? ""));
    }

    public static IReadOnlyDictionary<string, string> Labels(DbConnection connection)
    {
        using var command = StoreCommands.Command(connection, null, "SELECT r.id, l.label FROM run_labels l JOIN runs r ON r.run_key = l.run_key");
        using var reader = command.ExecuteReader();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            labels[reader.GetString(0)] = reader.GetString(1);
        }
        return labels;
    }
}
