using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The chain and the flows month by month, for the dashboard's time slider: stage counts per
/// month (optionally of one city or sector) and each kind of flow per month and city pair.
/// </summary>
internal static class TimelineQueries
{
    private const string RunKey = "(SELECT run_key FROM runs WHERE id = $id)";

    public static IReadOnlyList<StageMonthCount> StageCounts(SqliteConnection connection, string runId, string? city, string? sector)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT month, CASE outcome WHEN 'advanced' THEN to_stage ELSE from_stage END AS stage,
                   sum(outcome = 'advanced'), sum(outcome = 'stalled')
            FROM transitions
            WHERE run_key = {RunKey} AND ($city IS NULL OR city = $city) AND ($sector IS NULL OR sector = $sector)
            GROUP BY month, stage
            ORDER BY month
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$city", SqliteValues.Text(city));
        command.Parameters.AddWithValue("$sector", SqliteValues.Text(sector));
        using var reader = command.ExecuteReader();
        var counts = new List<StageMonthCount>();
        while (reader.Read())
        {
            counts.Add(new StageMonthCount(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return counts;
    }

    public static IReadOnlyList<MonthFlow> Flows(SqliteConnection connection, string runId, string kind)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT month, kind, from_city, to_city, amount
            FROM flows WHERE run_key = {RunKey} AND kind = $kind AND from_city <> to_city
            ORDER BY month, from_city, to_city
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        var flows = new List<MonthFlow>();
        while (reader.Read())
        {
            flows.Add(new MonthFlow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), SqliteValues.Real(reader, 4)));
        }
        return flows;
    }

    /// <summary>The months a run has stored, in order, as (index, YYYY-MM).</summary>
    public static IReadOnlyList<(int Month, string YearMonth)> Months(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT month, year_month FROM run_months WHERE run_key = {RunKey} ORDER BY month";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var months = new List<(int, string)>();
        while (reader.Read())
        {
            months.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        return months;
    }
}
