using System.Globalization;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;

namespace GbaSim.Client.Commands;

/// <summary>A run's headline figures as a table, and as the one JSON object of <c>--json</c>.</summary>
public static class SummaryTable
{
    public static void Show(IConsoleView view, RunInfo run)
    {
        var rows = (run.Summary ?? new Dictionary<string, double>()).Select(kv => (IReadOnlyList<string>)[kv.Key, Format(kv.Key, kv.Value)]);
        view.Table($"{run.Scenario} (run {run.Id}, seed {run.Seed}, scale {run.Scale.ToString(CultureInfo.InvariantCulture)})", ["figure", "value"], rows);
        view.Line($"{run.Months} months in {run.Seconds:F2} s on {run.Shards} shard{(run.Shards == 1 ? "" : "s")} ({run.Granularity} granularity); result hash {run.ResultHash}");
    }

    public static string Json(RunInfo run) => System.Text.Json.JsonSerializer.Serialize(new
    {
        runId = run.Id,
        scenario = run.Scenario,
        status = run.Status,
        seed = ulong.Parse(run.Seed, CultureInfo.InvariantCulture),
        scale = run.Scale,
        steps = run.Months,
        shards = run.Shards,
        granularity = run.Granularity,
        seconds = run.Seconds,
        resultHash = run.ResultHash,
        summary = run.Summary,
        recoveries = run.Recoveries ?? [],
    });

    public static string Format(string name, double value) =>
        name.Contains("Share", StringComparison.Ordinal) || name.StartsWith("conversion.", StringComparison.Ordinal)
            ? value.ToString("P1", CultureInfo.InvariantCulture)
            : Math.Abs(value) >= 1000 || value == Math.Round(value)
                ? value.ToString("N0", CultureInfo.InvariantCulture)
                : value.ToString("G4", CultureInfo.InvariantCulture);
}
