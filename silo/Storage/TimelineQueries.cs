using System.Data.Common;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The chain and the flows month by month, for the dashboard's time slider: stage counts per
/// month (optionally of one city or sector) and each kind of flow per month and city pair.
/// </summary>
internal static class TimelineQueries
{
    private const string RunKey = "(SELECT run_key FROM runs WHERE id = @id)";

    public static IReadOnlyList<StageMonthCount> StageCounts(DbConnection connection, string runId, string? city, string? sector)
    {
        using var command = StoreCommands.Command(connection, null, $"""
            SELECT month, CASE outcome WHEN 'advanced' THEN to_stage ELSE from_stage END AS stage,
                   sum(CASE WHEN outcome = 'advanced' THEN 1 ELSE 0 END), sum(CASE WHEN outcome = 'stalled' THEN 1 ELSE 0 END)
            FROM transitions
            WHERE run_key = {RunKey} AND (CAST(@city AS TEXT) IS NULL OR city = @city) AND (CAST(@sector AS TEXT) IS NULL OR sector = @sector)
              AND NOT (outcome = 'advanced' AND from_stage = to_stage AND born_step < 0)
            GROUP BY month, CASE outcome WHEN 'advanced' THEN to_stage ELSE from_stage END
            ORDER BY month
            """, ("@id", runId), ("@city", StoredValues.Text(city)), ("@sector", StoredValues.Text(sector)));
        using var reader = command.ExecuteReader();
        var counts = new List<StageMonthCount>();
        while (reader.Read())
        {
            counts.Add(new StageMonthCount(StoredValues.Int(reader, 0), reader.GetString(1), StoredValues.Long(reader, 2), StoredValues.Long(reader, 3)));
        }
        return counts;
    }

    public static IReadOnlyList<MonthFlow> Flows(DbConnection connection, string runId, string kind)
    {
        using var command = StoreCommands.Command(connection, null, $"""
            SELECT month, kind, from_city, to_city, amount
            FROM flows WHERE run_key = {RunKey} AND kind = @kind AND from_city <> to_city
            ORDER BY month, from_city, to_city
            """, ("@id", runId), ("@kind", kind));
        using var reader = command.ExecuteReader();
        var flows = new List<MonthFlow>();
        while (reader.Read())
        {
            flows.Add(new MonthFlow(StoredValues.Int(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), StoredValues.Real(reader, 4)));
        }
        return flows;
    }

    /// <summary>The months a run has stored, in order, as (index, YYYY-MM).</summary>
    public static IReadOnlyList<(int Month, string YearMonth)> Months(DbConnection connection, string runId)
    {
        using var command = StoreCommands.Command(connection, null, $"SELECT month, year_month FROM run_months WHERE run_key = {RunKey} ORDER BY month", ("@id", runId));
        using var reader = command.ExecuteReader();
        var months = new List<(int, string)>();
        while (reader.Read())
        {
            months.Add((StoredValues.Int(reader, 0), reader.GetString(1)));
        }
        return months;
    }
}
