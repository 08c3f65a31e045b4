using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using GbaSim.Grains.Storage;
using System.Data.Common;

namespace GbaSim.Silo.Storage;

/// <summary>How a <see cref="RunRecord"/> maps to a row of the runs table.</summary>
internal static class RunRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = """
        id, scenario, description, source_path, scenario_text, seed, scale, months, threads, status,
        created_at, started_at, finished_at, months_done, result_hash, seconds, error, summary, shards, granularity
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Headline figures can be NaN (a ratio of nothing); JSON numbers cannot.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Insert(DbConnection connection, DbTransaction transaction, RunRecord run)
    {
        StoreCommands.Execute(connection, transaction, """
            INSERT INTO runs (id, scenario, description, source_path, scenario_text, seed, scale, months, threads, status,
                              created_at, created_ticks, started_at, finished_at, months_done, result_hash, seconds, error, summary, shards, granularity)
            VALUES (@id, @scenario, @description, @source_path, @scenario_text, @seed, @scale, @months, @threads, @status,
                    @created_at, @created_ticks, @started_at, @finished_at, @months_done, @result_hash, @seconds, @error, @summary, @shards, @granularity)
            """,
            ("@id", run.Id),
            ("@scenario", run.Scenario),
            ("@description", StoredValues.Text(run.Description)),
            ("@source_path", run.SourcePath),
            ("@scenario_text", run.ScenarioText),
            ("@seed", Seed(run.Seed)),
            ("@scale", StoredValues.Real(run.Scale)),
            ("@months", run.Months),
            ("@threads", run.Threads),
            ("@status", run.Status.Name()),
            ("@created_at", StoredValues.Time(run.CreatedAt)),
            ("@created_ticks", run.CreatedAt.UtcTicks),
            ("@started_at", StoredValues.Time(run.StartedAt)),
            ("@finished_at", StoredValues.Time(run.FinishedAt)),
            ("@months_done", run.MonthsDone),
            ("@result_hash", StoredValues.Text(run.ResultHash)),
            ("@seconds", run.Seconds is { } s ? StoredValues.Real(s) : DBNull.Value),
            ("@error", StoredValues.Text(run.Error)),
            ("@summary", StoredValues.Text(Summary(run.Summary))),
            ("@shards", run.Shards),
            ("@granularity", run.Granularity));
    }

    public static RunRecord Read(DbDataReader r) => new(
        Id: r.GetString(0),
        Scenario: r.GetString(1),
        Description: StoredValues.Text(r, 2),
        SourcePath: r.GetString(3),
        ScenarioText: r.GetString(4),
        Seed: ulong.Parse(r.GetString(5), NumberStyles.None, CultureInfo.InvariantCulture),
        Scale: StoredValues.Real(r, 6),
        Months: StoredValues.Int(r, 7),
        Threads: StoredValues.Int(r, 8),
        Status: RunStatuses.Parse(r.GetString(9)),
        CreatedAt: StoredValues.Time(r, 10)!.Value,
        StartedAt: StoredValues.Time(r, 11),
        FinishedAt: StoredValues.Time(r, 12),
        MonthsDone: StoredValues.Int(r, 13),
        ResultHash: StoredValues.Text(r, 14),
        Seconds: r.IsDBNull(15) ? null : StoredValues.Real(r, 15),
        Error: StoredValues.Text(r, 16),
        Summary: Summary(StoredValues.Text(r, 17)),
        Shards: StoredValues.Int(r, 18),
        Granularity: r.GetString(19));

    public static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    public static string? Summary(IReadOnlyDictionary<string, double>? summary) =>
        summary is null ? null : JsonSerializer.Serialize(summary, Json);

    private static Dictionary<string, double>? Summary(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(json, Json);
}
