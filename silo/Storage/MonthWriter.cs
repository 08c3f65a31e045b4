using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using System.Data.Common;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Writes one month of a run through row inserts of the store's own kind (statements prepared once
/// for SQLite's write connection, bulk copies for PostgreSQL), rebound row by row. Not
/// thread-safe: the store calls it inside a write transaction it owns.
/// </summary>
internal sealed class MonthWriter : IDisposable
{
    public static readonly MonthTable Months = new("run_months", "run_key", "month", "year_month");
    public static readonly MonthTable Figures = new("month_figures", "run_key", "month", "city", "figure", "value");
    public static readonly MonthTable Transitions = new("transitions", "run_key", "month", "seq", "technology_id", "sector", "from_stage", "to_stage", "outcome",
        "city", "crossed_border", "holder_kind", "holder", "counterpart", "readiness", "quality", "funding_millions", "born_step", "origin_city");
    public static readonly MonthTable Flows = new("flows", "run_key", "month", "kind", "from_city", "to_city", "amount");
    public static readonly MonthTable Policies = new("policy_spending", "run_key", "month", "seq", "policy", "type", "spent", "spent_to_date", "budget");

    private readonly DbCommand _advance;
    private readonly Func<Exception, bool> _isDuplicate;
    private readonly IRowInsert _month;
    private readonly IRowInsert _figure;
    private readonly IRowInsert _transition;
    private readonly IRowInsert _flow;
    private readonly IRowInsert _policy;
    private readonly Dictionary<(FlowKind Kind, City From, City To), double> _flowTotals = [];

    /// <param name="rows">How the store inserts rows into a table.</param>
    /// <param name="isDuplicate">Whether an insert failed on a row that is already stored.</param>
    public MonthWriter(DbConnection connection, Func<MonthTable, IRowInsert> rows, Func<Exception, bool> isDuplicate)
    {
        _advance = StoreCommands.Command(connection, null, """
            UPDATE runs SET months_done = months_done + 1
            WHERE id = @id AND status = 'running'
            RETURNING run_key
            """, ("@id", ""));
        _advance.Prepare();
        _isDuplicate = isDuplicate;
        _month = rows(Months);
        _figure = rows(Figures);
        _transition = rows(Transitions);
        _flow = rows(Flows);
        _policy = rows(Policies);
    }

    /// <summary>
    /// Writes the month and advances the run's month count. Returns false, having written
    /// nothing, when the run is unknown or not running. Throws when the month is already stored
    /// or a row cannot be written; the caller then rolls the transaction back.
    /// </summary>
    public bool Write(DbTransaction transaction, string runId, MonthRecord month)
    {
        _advance.Transaction = transaction;
        _advance.Parameters[0].Value = runId;
        if (_advance.ExecuteScalar() is not long runKey)
        {
            return false;
        }

        // Every insert names the month by its run key and index in its first two parameters.
        ReadOnlySpan<IRowInsert> inserts = [_month, _figure, _transition, _flow, _policy];
        foreach (var insert in inserts)
        {
            insert.Set(1, runKey);
            insert.Set(2, month.Index);
        }

        _month.Set(3, month.Month.ToString());
        try
        {
            _month.Execute();
            _month.Complete();
        }
        catch (Exception e) when (_isDuplicate(e))
        {
            throw new InvalidOperationException($"Month {month.Index} ({month.Month}) of run '{runId}' is already stored.", e);
        }

        WriteFigures(StoredNames.RegionName, month.Region);
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
        foreach (var insert in inserts)
        {
            insert.Complete();
        }
        return true;
    }

    private void WriteFigures(StoredName place, CityFigures figures)
    {
        _figure.Set(3, place);
        foreach (var (name, value) in figures.Values())
        {
            _figure.Set(4, name);
            _figure.Set(5, value);
            _figure.Execute();
        }
    }

    private void WriteTransitions(IReadOnlyList<ChainTransition> transitions)
    {
        var insert = _transition;
        for (var i = 0; i < transitions.Count; i++)
        {
            var t = transitions[i];
            var technology = t.Technology;
            insert.Set(3, i);
            insert.Set(4, technology.Id);
            insert.Set(5, StoredNames.Name(technology.Field));
            insert.Set(6, StoredNames.Name(t.From));
            insert.Set(7, StoredNames.Name(t.To));
            insert.Set(8, StoredNames.Name(t.Outcome));
            insert.Set(9, StoredNames.Name(t.City));
            insert.Set(10, t.CrossedBorder ? 1 : 0);
            insert.Set(11, StoredNames.Name(t.HolderKind));
            insert.Set(12, t.Holder);
            insert.Set(13, t.Counterpart);
            insert.Set(14, technology.Readiness);
            insert.Set(15, technology.Quality);
            insert.Set(16, technology.FundingMillions);
            insert.Set(17, technology.BornStep);
            insert.Set(18, StoredNames.Name(technology.Origin));
            insert.Execute();
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
        foreach (var ((kind, from, to), amount) in _flowTotals.OrderBy(f => f.Key))
        {
            _flow.Set(3, StoredNames.Name(kind));
            _flow.Set(4, StoredNames.Name(from));
            _flow.Set(5, StoredNames.Name(to));
            _flow.Set(6, amount);
            _flow.Execute();
        }
    }

    private void WritePolicies(IReadOnlyList<PolicyMonth> policies)
    {
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            _policy.Set(3, i);
            _policy.Set(4, policy.Name);
            _policy.Set(5, policy.Type);
            _policy.Set(6, policy.Spent);
            _policy.Set(7, policy.SpentToDate);
            _policy.Set(8, policy.Budget);
            _policy.Execute();
        }
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
