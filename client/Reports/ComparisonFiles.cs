using System.Globalization;
using System.Text.Json;
using CsvHelper;
using GbaSim.Engine.Experiments;

namespace GbaSim.Client.Reports;

/// <summary>A comparison's files: every replication, the summary, the cities and the costs per outcome as CSV, the whole report as JSON, and the HTML report.</summary>
public static class ComparisonFiles
{
    public static void Write(DirectoryInfo folder, ExperimentPlan plan, IReadOnlyList<ReplicationResult> results, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.Create();
        WriteReplications(Path.Combine(folder.FullName, "replications.csv"), results, report.Metrics);
        WriteSummary(Path.Combine(folder.FullName, "summary.csv"), report);
        WriteCities(Path.Combine(folder.FullName, "cities.csv"), report);
        WriteCosts(Path.Combine(folder.FullName, "costs.csv"), report);
        File.WriteAllText(Path.Combine(folder.FullName, "summary.json"), Json(report));
        File.WriteAllText(Path.Combine(folder.FullName, "report.html"), HtmlReport.Render(plan, report));
    }

    public static string Json(ComparisonReport report) => ComparisonJson.Write(report);

    private static void WriteReplications(string path, IReadOnlyList<ReplicationResult> results, IReadOnlyList<string> metrics)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "scenario", "replication", "seed", "run_id", "result_hash" }.Concat(metrics))
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var result in results.OrderBy(r => r.Replication).ThenBy(r => r.Label, StringComparer.Ordinal))
        {
            csv.WriteField(result.Label);
            csv.WriteField(result.Replication);
            csv.WriteField(result.Seed);
            csv.WriteField(result.RunId);
            csv.WriteField(result.ResultHash);
            foreach (var metric in metrics)
            {
                csv.WriteField(result.Summary.TryGetValue(metric, out var value) ? value : double.NaN);
            }
            csv.NextRecord();
        }
    }

    private static void WriteSummary(string path, ComparisonReport report)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "variant", "metric", "baseline_mean", "variant_mean", "difference", "ci_low", "ci_high", "t", "p_t", "p_t_holm", "p_wilcoxon", "p_wilcoxon_holm", "effect_size_dz", "extra_spending", "change_per_100m_yuan", "distinguishable", "verdict" })
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var c in report.Comparisons)
        {
            var s = c.Statistics;
            foreach (var field in new object[] { c.Variant, c.Metric, s.Baseline.Mean, s.Variant.Mean, s.Difference.Mean, s.Difference.Low, s.Difference.High, s.TStatistic, s.TTestP, c.AdjustedTTestP, s.WilcoxonP, c.AdjustedWilcoxonP, s.EffectSize, c.ExtraSpending, c.ChangePer100MillionYuan, c.Distinguishable, c.Verdict })
            {
                csv.WriteField(field);
            }
            csv.NextRecord();
        }
    }

    private static void WriteCities(string path, ComparisonReport report)
    {
        using var csv = Csv(path, ["city", "metric", "scenario", "mean", "ci_low", "ci_high", "difference", "difference_low", "difference_high"]);
        foreach (var c in report.Cities ?? [])
        {
            Fields(csv, c.City, c.Metric, c.Scenario, c.Value.Mean, c.Value.Low, c.Value.High, c.Difference?.Mean ?? double.NaN, c.Difference?.Low ?? double.NaN, c.Difference?.High ?? double.NaN);
        }
    }

    private static void WriteCosts(string path, ComparisonReport report)
    {
        using var csv = Csv(path, ["variant", "outcome", "extra_spending", "extra_outcome", "extra_outcome_low", "extra_outcome_high", "yuan_per_unit", "ci_low", "ci_high", "defined", "note"]);
        foreach (var c in report.Costs ?? [])
        {
            Fields(csv, c.Variant, c.Outcome, c.ExtraSpending.Mean, c.ExtraOutcome.Mean, c.ExtraOutcome.Low, c.ExtraOutcome.High, c.YuanPerUnit, c.Low, c.High, c.Defined, c.Note);
        }
    }

    private static CsvWriter Csv(string path, IEnumerable<string> headers)
    {
        var csv = new CsvWriter(new StreamWriter(path), CultureInfo.InvariantCulture, leaveOpen: false);
        Fields(csv, [.. headers]);
        return csv;
    }

    private static void Fields(CsvWriter csv, params object[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
    }
}
