using GbaSim.Engine.Runs;
using GbaSim.Grains.Contracts;
using GbaSim.Grains.Municipalities;
using Microsoft.Data.Sqlite;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Writes one month of a run with statements prepared once for the write connection's lifetime
/// and rebound row by row. Not thread-safe: the store calls it under its write lock, inside a
/// transaction it owns.
/// </summary>
internal sealed class MonthWriter : IDisposable
{
    private readonly SqliteCommand _advance;
    private readonly SqliteCommand _month;
    private readonly SqliteCommand _figure;
    private readonly SqliteCommand _transition;
    private readonly SqliteCommand _flow;
    private readonly SqliteCommand _policy;
    private readonly Dictionary<(FlowKind Kind, City From, City To), double> _flowTotals = [];

    public MonthWriter(SqliteConnection connection)
    {
        _advance = Prepare(connection, """
            UPDATE runs SET months_done = months_done + 1
            WHERE id = $1 AND status = 'running'
            RETURNING run_key
            """, 1);
        _month = Prepare(connection, "INSERT INTO run_months (run_key, month, year_month) VALUES ($1, $2, $3)", 3);
        _figure = Prepare(connection, "INSERT INTO month_figures (run_key, month, city, figure, value) VALUES ($1, $2, $3, $4, $5)", 5);
        _transition = Prepare(connection, """
            INSERT INTO transitions (run_key, month, seq, technology_id, sector, from_stage, to_stage, outcome, city, crossed_border,
                                     holder_kind, holder, counterpart, readiness, quality, funding_millions, born_step, origin_city)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            """, 18);
        _flow = Prepare(connection, "INSERT INTO flows (run_key, month, kind, from_city, to_city, amount) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        _policy = Prepare(connection, """
            INSERT INTO policy_spending (run_key, month, seq, policy, type, spent, spent_to_date, budget)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, 8);
    }

    /// <summary>
    /// Writes the month and advances the run's month count. Returns false, having written
    /// nothing, when the run is unknown or not running. Throws when the month is already stored.
    /// </summary>
    public bool Write(SqliteTransaction transaction, string runId, MonthRecord month)
    {
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_advance, _month, _figure, _transition, _flow, _policy])
        {
            command.Transaction = transaction;
        }

        _advance.Parameters[0].Value = runId;
        if (_advance.ExecuteScalar() is not long runKey)
        {
            return false;
        }
        // Every insert names the month by its run key and index; set them once.
        object key = runKey;
        object index = (long)month.Index;
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_month, _figure, _transition, _flow, _policy])
        {
            command.Parameters[0].Value = key;
            command.Parameters[1].Value = index;
        }

        _month.Parameters[2].Value = month.Month.ToString();
        try
        {
            _month.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.IsConstraintViolation())
        {
            throw new InvalidOperationException($"Month {month.Index} ({month.Month}) of run '{runId}' is already stored.", e);
        }

        WriteFigures(StoredNames.Region, month.Region);
        foreach (var city in Cities.All)
        {
            if (month.Cities.TryGetValue(city, out var figures))
            {
                WriteFigures(StoredNames.Name(city), figures);
            }
        }
        WriteTransitions(month.Transitions);
        WriteFlows(month.Flows);
        WritePolicies(month.Policies);
        return true;
    }

    private void WriteFigures(string place, CityFigures figures)
    {
        var p = _figure.Parameters;
        p[2].Value = place;
        foreach (var (name, value) in figures.Values())
        {
            p[3].Value = name;
            p[4].Value = SqliteValues.Real(value);
            _figure.ExecuteNonQuery();
        }
    }

    private void WriteTransitions(IReadOnlyList<ChainTransition> transitions)
    {
        var p = _transition.Parameters;
        for (var i = 0; i < transitions.Count; i++)
        {
            var t = transitions[i];
            var technology = t.Technology;
            p[2].Value = (long)i;
            p[3].Value = technology.Id;
            p[4].Value = StoredNames.Name(technology.Field);
            p[5].Value = StoredNames.Name(t.From);
            p[6].Value = StoredNames.Name(t.To);
            p[7].Value = StoredNames.Name(t.Outcome);
            p[8].Value = StoredNames.Name(t.City);
            p[9].Value = t.CrossedBorder ? 1L : 0L;
            p[10].Value = StoredNames.Name(t.HolderKind);
            p[11].Value = t.Holder;
            p[12].Value = t.Counterpart;
            p[13].Value = (long)technology.Readiness;
            p[14].Value = SqliteValues.Real(technology.Quality);
            p[15].Value = SqliteValues.Real(technology.FundingMillions);
            p[16].Value = (long)technology.BornStep;
            p[17].Value = StoredNames.Name(technology.Origin);
            _transition.ExecuteNonQuery();
        }
    }

    private void WriteFlows(IReadOnlyList<FlowRecord> flows)
    {
        // One row per kind and city pair: the sampled world records many small flows.
        _flowTotals.Clear();
        foreach (var flow in flows)
        {
            _flowTotals[(flow.Kind, flow.From, flow.To)] = _flowTotals.GetValueOrDefault((flow.Kind, flow.From, flow.To)) + flow.Amount;
        }
        var p = _flow.Parameters;
        foreach (var ((kind, from, to), amount) in _flowTotals.OrderBy(f => f.Key))
        {
            p[2].Value = StoredNames.Name(kind);
            p[3].Value = StoredNames.Name(from);
            p[4].Value = StoredNames.Name(to);
            p[5].Value = SqliteValues.Real(amount);
            _flow.ExecuteNonQuery();
        }
    }

    private void WritePolicies(IReadOnlyList<PolicyMonth> policies)
    {
        var p = _policy.Parameters;
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            p[2].Value = (long)i;
            p[3].Value = policy.Name;
            p[4].Value = policy.Type;
            p[5].Value = SqliteValues.Real(policy.Spent);
            p[6].Value = SqliteValues.Real(policy.SpentToDate);
            p[7].Value = SqliteValues.Real(policy.Budget);
            _policy.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        _advance.Dispose();
        _month.Dispose();
        _figure.Dispose();
        _transition.Dispose();
        _flow.Dispose();
        _policy.Dispose();
    }
}
