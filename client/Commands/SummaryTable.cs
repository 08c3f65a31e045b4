using System.Globalization;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Commands;

/// <summary>A run's headline figures as a table in the catalogue's order and words, and as the one JSON object of <c>--json</c>.</summary>
public static class SummaryTable
{
    public static void Show(IConsoleView view, RunInfo run)
    {
        var summary = run.Summary ?? new Dictionary<string, double>();
        var rows = FigureCatalogue.Ordered(FigureKinds.Summary, summary.Keys).Select(key =>
        {
            var figure = FigureCatalogue.Summary(key);
            return (IReadOnlyList<string>)[figure.Label, Value(figure, summary[key]), figure.Unit, Cities(figure)];
        });
        view.Table($"{run.Scenario} (run {run.Id}, seed {run.Seed}, scale {run.Scale.ToString(CultureInfo.InvariantCulture)})", ["figure", "value", "unit", "cities"], rows);
        view.Line($"{run.Months} months in {run.Seconds:F2} s on {run.Shards} shard{(run.Shards == 1 ? "" : "s")} ({run.Granularity} granularity); result hash {run.ResultHash}");
        view.Line("Run totals sum every month; \"at the end of the run\" is its last month; year 1 is its first twelve months. Definitions: docs/model.md#10-headline-figures, or GET /api/figures.");
    }

    /// <summary>A value as the catalogue formats it, for the user's locale.</summary>
    public static string Value(Figure figure, double value) => FigureFormatter.ForUser.Format(figure, value);

    /// <summary>The scope in two words: "all 11" or "9 Guangdong".</summary>
    public static string Cities(Figure figure) => figure.Scope switch
    {
        FigureKinds.Guangdong => "9 Guangdong",
        FigureKinds.AllCities => "all 11",
        _ => figure.Scope,
    };

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
    });
}
