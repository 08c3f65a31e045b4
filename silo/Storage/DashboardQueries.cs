using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using System.Data.Common;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The read-only queries behind the dashboard: the chain by stage, flows by city pair, policy
/// spending, chain traces and one technology's journey. Every value comes in as a parameter;
/// each query reads only the rows of one run.
/// </summary>
internal static class DashboardQueries
{
    private const string RunKey = "(SELECT run_key FROM runs WHERE id = @id)";

    /// <summary>The stage a transition shows the technology reached, as its place along the chain (0 basic research … 4 market): where it went, or where it stalled.</summary>
    private static readonly string ReachedRank = $"CASE WHEN outcome = 'advanced' THEN {Rank("to_stage")} ELSE {Rank("from_stage")} END";

    public static IReadOnlyList<StageCount> Chain(DbConnection connection, string runId)
    {
        using var command = Command(connection, $"""
            SELECT CASE outcome WHEN 'advanced' THEN to_stage ELSE from_stage END AS stage, outcome, count(*)
            FROM transitions WHERE run_key = {RunKey}
              AND NOT (outcome = 'advanced' AND from_stage = to_stage AND born_step < 0)
            GROUP BY 1, 2
            """, ("@id", runId));
        var reached = new Dictionary<string, long>(StringComparer.Ordinal);
        var stalled = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            (reader.GetString(1) == "advanced" ? reached : stalled)[reader.GetString(0)] = StoredValues.Long(reader, 2);
        }
        return [.. ChainStages.All.Select(s => new StageCount(s.FileName(), reached.GetValueOrDefault(s.FileName()), stalled.GetValueOrDefault(s.FileName())))];
    }

    public static IReadOnlyList<CityFlowTotal> Flows(DbConnection connection, string runId, string kind)
    {
        using var command = Command(connection, $"""
            SELECT from_city, to_city, sum(amount) AS total
            FROM flows WHERE run_key = {RunKey} AND kind = @kind
            GROUP BY from_city, to_city
            ORDER BY total DESC, from_city, to_city
            """, ("@id", runId), ("@kind", kind));
        using var reader = command.ExecuteReader();
        var flows = new List<CityFlowTotal>();
        while (reader.Read())
        {
            flows.Add(new CityFlowTotal(reader.GetString(0), reader.GetString(1), StoredValues.Real(reader, 2)));
        }
        return flows;
    }

    public static IReadOnlyList<PolicySpendingRow> Policies(DbConnection connection, string runId)
    {
        using var command = Command(connection, $"""
            SELECT p.month, m.year_month, p.policy, p.type, p.spent, p.budget
            FROM policy_spending p JOIN run_months m ON m.run_key = p.run_key AND m.month = p.month
            WHERE p.run_key = {RunKey}
            ORDER BY p.month, p.seq
            """, ("@id", runId));
        using var reader = command.ExecuteReader();
        var rows = new List<PolicySpendingRow>();
        while (reader.Read())
        {
            rows.Add(new PolicySpendingRow(StoredValues.Int(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), StoredValues.Real(reader, 4), StoredValues.Real(reader, 5)));
        }
        return rows;
    }

    /// <summary>The chain traces of a search, one row per technology, before ordering and paging.</summary>
    private static readonly string TraceSearch = $"""
        SELECT technology_id, sector, origin_city, max({ReachedRank}) AS furthest, max(CASE WHEN outcome = 'stalled' THEN 1 ELSE 0 END),
               min(month), max(month), count(*) AS steps
        FROM transitions
        WHERE run_key = {RunKey} AND (CAST(@sector AS TEXT) IS NULL OR sector = @sector)
        GROUP BY technology_id, sector, origin_city
        HAVING (CAST(@city AS TEXT) IS NULL OR max(CASE WHEN city = @city OR origin_city = @city THEN 1 ELSE 0 END) = 1)
           AND (CAST(@stage AS INTEGER) IS NULL OR max({ReachedRank}) = @stage)
        """;

    public static IReadOnlyList<TechnologyTrace> FindTechnologies(DbConnection connection, string runId, TechnologySearch search)
    {
        using var command = SearchCommand(connection, $"{TraceSearch} ORDER BY furthest DESC, steps DESC, technology_id LIMIT @limit OFFSET @offset", runId, search);
        using var reader = command.ExecuteReader();
        var traces = new List<TechnologyTrace>();
        while (reader.Read())
        {
            traces.Add(new TechnologyTrace(
                StoredValues.Long(reader, 0), reader.GetString(1), reader.GetString(2), ChainStages.All[StoredValues.Int(reader, 3)].FileName(),
                StoredValues.Long(reader, 4) != 0, StoredValues.Int(reader, 5), StoredValues.Int(reader, 6), StoredValues.Int(reader, 7)));
        }
        return traces;
    }

    public static int CountTechnologies(DbConnection connection, string runId, TechnologySearch search)
    {
        using var command = SearchCommand(connection, $"SELECT count(*) FROM ({TraceSearch}) AS traces", runId, search);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand SearchCommand(DbConnection connection, string sql, string runId, TechnologySearch search)
    {
        var stageRank = search.Stage is not null && ChainStages.TryParse(search.Stage, out var stage) ? (object)(int)stage : DBNull.Value;
        return Command(connection, sql,
            ("@id", runId), ("@sector", StoredValues.Text(search.Sector)), ("@city", StoredValues.Text(search.City)), ("@stage", stageRank),
            ("@limit", search.Limit), ("@offset", search.Offset));
    }

    /// <summary>Every transition of one technology, in the order they were recorded.</summary>
    public static IReadOnlyList<TransitionRow> Journey(DbConnection connection, string runId, long technologyId) =>
        Transitions(connection, "t.technology_id = @filter ORDER BY t.month, t.seq", runId, technologyId, int.MaxValue);

    /// <summary>The newest transitions recorded in a city, newest first.</summary>
    public static IReadOnlyList<TransitionRow> RecentTransitions(DbConnection connection, string runId, string city, int limit) =>
        Transitions(connection, "t.city = @filter ORDER BY t.month DESC, t.seq DESC", runId, city, limit);

    /// <summary>The flows that left a city in the run's latest stored month.</summary>
    public static IReadOnlyList<MonthFlow> LatestFlowsFrom(DbConnection connection, string runId, string city)
    {
        using var command = Command(connection, $"""
            SELECT month, kind, from_city, to_city, amount
            FROM flows
            WHERE run_key = {RunKey} AND from_city = @city
              AND month = (SELECT max(month) FROM run_months WHERE run_key = {RunKey})
            ORDER BY kind, amount DESC
            """, ("@id", runId), ("@city", city));
        using var reader = command.ExecuteReader();
        var flows = new List<MonthFlow>();
        while (reader.Read())
        {
            flows.Add(new MonthFlow(StoredValues.Int(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), StoredValues.Real(reader, 4)));
        }
        return flows;
    }

    public static IReadOnlyList<MonthActivity> Activity(DbConnection connection, string runId)
    {
        using var command = Command(connection, $"""
            SELECT m.month, m.year_month,
                   (SELECT count(*) FROM transitions t WHERE t.run_key = m.run_key AND t.month = m.month),
                   (SELECT count(*) FROM flows f WHERE f.run_key = m.run_key AND f.month = m.month)
            FROM run_months m WHERE m.run_key = {RunKey}
            ORDER BY m.month
            """, ("@id", runId));
        using var reader = command.ExecuteReader();
        var months = new List<MonthActivity>();
        while (reader.Read())
        {
            months.Add(new MonthActivity(StoredValues.Int(reader, 0), reader.GetString(1), StoredValues.Int(reader, 2), StoredValues.Int(reader, 3)));
        }
        return months;
    }

    private static List<TransitionRow> Transitions(DbConnection connection, string where, string runId, object filter, int limit)
    {
        using var command = Command(connection, $"""
            SELECT t.month, m.year_month, t.technology_id, t.sector, t.origin_city, t.from_stage, t.to_stage, t.outcome,
                   t.city, t.crossed_border, t.holder_kind, t.holder, t.readiness, t.funding_millions
            FROM transitions t JOIN run_months m ON m.run_key = t.run_key AND m.month = t.month
            WHERE t.run_key = {RunKey} AND {where}
            LIMIT @limit
            """, ("@id", runId), ("@filter", filter), ("@limit", limit));
        using var reader = command.ExecuteReader();
        var rows = new List<TransitionRow>();
        while (reader.Read())
        {
            rows.Add(new TransitionRow(
                StoredValues.Int(reader, 0), reader.GetString(1), StoredValues.Long(reader, 2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), StoredValues.Long(reader, 9) != 0,
                reader.GetString(10), StoredValues.Long(reader, 11), StoredValues.Int(reader, 12), StoredValues.Real(reader, 13)));
        }
        return rows;
    }

    private static string Rank(string column) =>
        $"CASE {column} " + string.Concat(ChainStages.All.Select(s => $"WHEN '{s.FileName()}' THEN {(int)s} ")) + "END";

    private static DbCommand Command(DbConnection connection, string sql, params ReadOnlySpan<(string Name, object Value)> parameters) =>
        StoreCommands.Command(connection, null, sql, parameters);
}
