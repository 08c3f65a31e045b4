using System.Globalization;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Engine.Experiments;

namespace GbaSim.Client.Reports;

/// <summary>A comparison on the console: one table per variant, then the plain verdicts of what the replications can tell.</summary>
public static class ComparisonTable
{
    public static void Show(IConsoleView view, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var variant in report.Comparisons.GroupBy(c => c.Variant))
        {
            view.Table($"{variant.Key} vs {report.Baseline} ({report.Replications} paired replications)",
                ["metric", "baseline", "variant", "difference", "95% CI", "adj. p (t)", "adj. p (Wilcoxon)", "d_z", "per 100M yuan", ""],
                variant.Select(c => (IReadOnlyList<string>)
                [
                    c.Metric,
                    SummaryTable.Format(c.Metric, c.Statistics.Baseline.Mean),
                    SummaryTable.Format(c.Metric, c.Statistics.Variant.Mean),
                    SummaryTable.Format(c.Metric, c.Statistics.Difference.Mean),
                    $"{SummaryTable.Format(c.Metric, c.Statistics.Difference.Low)} .. {SummaryTable.Format(c.Metric, c.Statistics.Difference.High)}",
                    P(c.AdjustedTTestP),
                    P(c.AdjustedWilcoxonP),
                    double.IsFinite(c.Statistics.EffectSize) ? c.Statistics.EffectSize.ToString("F2", CultureInfo.InvariantCulture) : "-",
                    double.IsFinite(c.ChangePer100MillionYuan) ? c.ChangePer100MillionYuan.ToString("G3", CultureInfo.InvariantCulture) : "-",
                    c.Distinguishable ? "real" : "noise",
                ]));
        }
        foreach (var comparison in report.Comparisons.Where(c => c.Distinguishable))
        {
            view.Line(comparison.Verdict);
        }
        var noise = report.Comparisons.Count(c => !c.Distinguishable);
        if (noise > 0)
        {
            view.Line($"{noise} of {report.Comparisons.Count} differences cannot be told from noise with {report.Replications} replications (Holm-adjusted paired t-test, 5%); more replications may resolve them.");
        }
    }

    private static string P(double p) => p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);
}
