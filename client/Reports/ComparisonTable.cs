using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Reports;

/// <summary>A comparison on the console: one table per variant in the catalogue's words, the plain verdicts, and what the number of replications lets the tests say.</summary>
public static class ComparisonTable
{
    /// <summary>The statistics columns after the figure, each named by the catalogue.</summary>
    public static readonly IReadOnlyList<string> Columns = ["baseline", "variant", "difference", "ci", "adjustedTTestP", "adjustedWilcoxonP", "effectSize", "changePer100MillionYuan", "verdict"];

    public static void Show(IConsoleView view, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var format = FigureFormatter.ForUser;
        string Stat(string name, double value) => format.Format(FigureCatalogue.Statistic(name), value);
        var order = FigureCatalogue.Ordered(FigureKinds.Summary, report.Metrics).ToList();
        foreach (var variant in report.Comparisons.GroupBy(c => c.Variant))
        {
            var rows = variant.OrderBy(c => order.IndexOf(c.Metric)).Select(c =>
            {
                var figure = FigureCatalogue.Summary(c.Metric);
                var s = c.Statistics;
                return (IReadOnlyList<string>)
                [
                    figure.Heading,
                    format.Format(figure, s.Baseline.Mean),
                    format.Format(figure, s.Variant.Mean),
                    format.Change(figure, s.Difference.Mean),
                    c.Finding == Findings.Real || c.Finding == Findings.Noise && double.IsFinite(s.Difference.Low)
                        ? $"{format.Change(figure, s.Difference.Low)} to {format.Change(figure, s.Difference.High)}" : FigureFormatter.Missing,
                    Stat("adjustedTTestP", c.AdjustedTTestP),
                    Stat("adjustedWilcoxonP", c.AdjustedWilcoxonP),
                    Stat("effectSize", c.Statistics.EffectSize),
                    format.Change(figure, c.ChangePer100MillionYuan),
                    c.Finding ?? "",
                ];
            });
            view.Table($"{variant.Key} vs {report.Baseline} ({report.Replications} paired replications)",
                ["figure", .. Columns.Select(c => FigureCatalogue.Statistic(c).Short)], rows);
        }
        CityTable.Show(view, report);
        CostTable.Show(view, report);
        foreach (var comparison in report.Comparisons.Where(c => c.Finding != Findings.Noise))
        {
            view.Line(comparison.Verdict);
        }
        var noise = report.Comparisons.Count(c => c.Finding == Findings.Noise);
        if (noise > 0)
        {
            view.Line($"{noise} of {report.Comparisons.Count} differences cannot be told from noise with {report.Replications} replications (Holm-adjusted paired t-test, 5%); more replications may resolve them.");
        }
        foreach (var limit in (report.Limits ?? []).Where(l => l.Warning is not null))
        {
            view.Line($"Note: {limit.Warning}");
        }
    }
}
