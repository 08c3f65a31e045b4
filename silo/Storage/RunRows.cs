using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;

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

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, RunRecord run)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO runs (id, scenario, description, source_path, scenario_text, seed, scale, months, threads, status,
                              created_at, created_ticks, started_at, finished_at, months_done, result_hash, seconds, error, summary, shards, granularity)
            VALUES ($id, $scenario, $description, $source_path, $scenario_text, $seed, $scale, $months, $threads, $status,
                    $created_at, $created_ticks, $started_at, $finished_at, $months_done, $result_hash, $seconds, $error, $summary, $shards, $granularity)
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", run.Id);
        p.AddWithValue("$scenario", run.Scenario);
        p.AddWithValue("$description", SqliteValues.Text(run.Description));
        p.AddWithValue("$source_path", run.SourcePath);
        p.AddWithValue("$scenario_text", run.ScenarioText);
        p.AddWithValue("$seed", Seed(run.Seed));
        p.AddWithValue("$scale", SqliteValues.Real(run.Scale));
        p.AddWithValue("$months", run.Months);
        p.AddWithValue("$threads", run.Threads);
        p.AddWithValue("$status", run.Status.Name());
        p.AddWithValue("$created_at", SqliteValues.Time(run.CreatedAt));
        p.AddWithValue("$created_ticks", run.CreatedAt.UtcTicks);
        p.AddWithValue("$started_at", SqliteValues.Time(run.StartedAt));
        p.AddWithValue("$finished_at", SqliteValues.Time(run.FinishedAt));
        p.AddWithValue("$months_done", run.MonthsDone);
        p.AddWithValue("$result_hash", SqliteValues.Text(run.ResultHash));
        p.AddWithValue("$seconds", run.Seconds is { } s ? SqliteValues.Real(s) : DBNull.Value);
        p.AddWithValue("$error", SqliteValues.Text(run.Error));
        p.AddWithValue("$summary", SqliteValues.Text(Summary(run.Summary)));
        p.AddWithValue("$shards", run.Shards);
        p.AddWithValue("$granularity", run.Granularity);
        command.ExecuteNonQuery();
    }

    public static RunRecord Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Scenario: r.GetString(1),
        Description: SqliteValues.Text(r, 2),
        SourcePath: r.GetString(3),
        ScenarioText: r.GetString(4),
        Seed: ulong.Parse(r.GetString(5), NumberStyles.None, CultureInfo.InvariantCulture),
        Scale: SqliteValues.Real(r, 6),
        Months: r.GetInt32(7),
        Threads: r.GetInt32(8),
        Status: RunStatuses.Parse(r.GetString(9)),
        CreatedAt: SqliteValues.Time(r, 10)!.Value,
        StartedAt: SqliteValues.Time(r, 11),
        FinishedAt: SqliteValues.Time(r, 12),
        MonthsDone: r.GetInt32(13),
        ResultHash: SqliteValues.Text(r, 14),
        Seconds: r.IsDBNull(15) ? null : SqliteValues.Real(r, 15),
        Error: SqliteValues.Text(r, 16),
        Summary: Summary(SqliteValues.Text(r, 17)),
        Shards: r.GetInt32(18),
        Granularity: r.GetString(19));

    public static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    public static string? Summary(IReadOnlyDictionary<string, double>? summary) =>
        summary is null ? null : JsonSerializer.Serialize(summary, Json);

    private static Dictionary<string, double>? Summary(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(json, Json);
}
