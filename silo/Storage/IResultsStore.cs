using GbaSim.Engine.Runs;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Where runs and their results are kept. Every write is one transaction, so a silo killed at
/// any moment leaves every finished month readable and no run marked completed that is not.
/// </summary>
public interface IResultsStore
{
    /// <summary>Records a new run (status <see cref="RunStatus.Queued"/>).</summary>
    void CreateRun(RunRecord run);

    void MarkStarted(string runId, DateTimeOffset at);

    /// <summary>Writes one month's figures (per city and for the region), transitions, flows and policy spending, and advances the run's month count, atomically.</summary>
    void AppendMonth(string runId, MonthRecord month);

    /// <summary>Marks a run completed with its result, atomically.</summary>
    void Complete(string runId, RunResult result, DateTimeOffset at);

    /// <summary>Marks a run failed, cancelled or interrupted with a message.</summary>
    void Finish(string runId, RunStatus status, string? error, DateTimeOffset at);

    /// <summary>At start-up: every run left queued or running by a previous silo becomes interrupted. Returns how many.</summary>
    int InterruptUnfinishedRuns(DateTimeOffset at);

    RunRecord? GetRun(string runId);

    IReadOnlyList<RunRecord> ListRuns(int limit = 200);

    /// <summary>A figure's monthly series for the region (city null) or one city, in month order.</summary>
    IReadOnlyList<(int Month, string YearMonth, double Value)> Series(string runId, string figure, string? city = null);

    /// <summary>Every figure of every month for the region (city null) or one city.</summary>
    IReadOnlyList<MonthFigures> Months(string runId, string? city = null);

    /// <summary>Writes a run's table as CSV: "months" (figures by city and region), "transitions", "flows" or "policies".</summary>
    void ExportCsv(string runId, string table, TextWriter writer);
}

/// <summary>One month's figures, by name.</summary>
public sealed record MonthFigures(int Month, string YearMonth, IReadOnlyDictionary<string, double> Figures);
