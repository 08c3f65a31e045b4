using System.Globalization;
using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>Turns an experiment's replications into its statistics.</summary>
public static class ComparisonAnalysis
{
    /// <summary>The figures compared unless the user names others.</summary>
    public static readonly IReadOnlyList<string> DefaultMetrics =
    [
        "technologiesCommercialized", "medianMonthsToMarket",
        "conversion.basic-research", "conversion.breakthrough", "conversion.transformation", "conversion.financing",
        "newHighTechEnterprises", "inventionPatents",
        "crossBorderShare.talent", "crossBorderShare.capital", "crossBorderShare.technology",
        "technologyTransactionValue", "policySpending",
    ];

    /// <summary>The figures from which a scenario's chain (technologies reaching each stage) is rebuilt.</summary>
    public static readonly IReadOnlyList<string> ChainMetrics =
    [
        "technologiesStarted", "conversion.basic-research", "conversion.breakthrough", "conversion.transformation", "conversion.financing",
    ];

    /// <summary>Monthly region figures shown over time with confidence bands.</summary>
    public static readonly IReadOnlyList<string> SeriesFigures = ["highTechEnterprises", "inventionPatents", "transactionValue", "talentEmployed"];

    public static ComparisonReport Analyze(ExperimentPlan plan, IReadOnlyList<ReplicationResult> results, IReadOnlyList<string> metrics, IReadOnlyList<string> months)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        var byLabel = results.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Replication).ToArray(), StringComparer.Ordinal);
        var labels = new[] { plan.Baseline.Name }.Concat(plan.Variants.Select(v => v.Label)).ToArray();
        var coordinates = plan.Variants.ToDictionary(v => v.Label, v => v.Coordinates, StringComparer.Ordinal);

        double[] Values(string label, string metric) => byLabel[label].Select(r => r.Summary.TryGetValue(metric, out var v) ? v : double.NaN).ToArray();

        // Scenario figures also carry the chain's counts, so every report can draw each scenario's chain.
        var described = metrics.Union(ChainMetrics, StringComparer.Ordinal).ToArray();
        var scenarios = labels.Select(label => new ScenarioFigures(
            label,
            coordinates.TryGetValue(label, out var c) ? c : new Dictionary<string, double>(),
            described.ToDictionary(m => m, m => SampleSummary.Of(Values(label, m)), StringComparer.Ordinal))).ToArray();

        var raw = new List<(string Variant, string Metric, PairedComparison Statistics, double ExtraSpending)>();
        foreach (var variant in plan.Variants.Select(v => v.Label))
        {
            var extraSpending = Values(variant, "policySpending").Zip(Values(plan.Baseline.Name, "policySpending"), (v, b) => v - b).DefaultIfEmpty().Average();
            foreach (var metric in metrics)
            {
                raw.Add((variant, metric, PairedComparison.Of(Values(plan.Baseline.Name, metric), Values(variant, metric)), extraSpending));
            }
        }
        var tAdjusted = HolmCorrection.Adjust(raw.Select(r => r.Statistics.TTestP).ToArray());
        var wAdjusted = HolmCorrection.Adjust(raw.Select(r => r.Statistics.WilcoxonP).ToArray());
        var comparisons = raw.Select((r, i) =>
        {
            var perHundredMillion = r.ExtraSpending > 0 ? r.Statistics.Difference.Mean / (r.ExtraSpending / 1e8) : double.NaN;
            var distinguishable = tAdjusted[i] < 0.05 && r.Statistics.Difference.ExcludesZero;
            return new MetricComparison(r.Variant, r.Metric, r.Statistics, tAdjusted[i], wAdjusted[i], r.ExtraSpending, perHundredMillion, distinguishable, Verdict(r.Variant, r.Metric, r.Statistics, tAdjusted[i], distinguishable));
        }).ToArray();

        var series = new List<SeriesBand>();
        foreach (var label in labels)
        {
            foreach (var figure in SeriesFigures)
            {
                var count = byLabel[label].Min(r => r.Months.Count);
                var summaries = Enumerable.Range(0, count)
                    .Select(m => SampleSummary.Of(byLabel[label].Select(r => r.Months[m].TryGetValue(figure, out var v) ? v : double.NaN).ToArray()))
                    .ToArray();
                series.Add(new SeriesBand(label, figure, months.Take(count).ToArray(), summaries.Select(s => s.Mean).ToArray(), summaries.Select(s => s.Low).ToArray(), summaries.Select(s => s.High).ToArray()));
            }
        }
        return new ComparisonReport(plan.Baseline.Name, plan.Replications, metrics.ToArray(), scenarios, comparisons, series);
    }

    private static string Verdict(string variant, string metric, PairedComparison statistics, double adjustedP, bool distinguishable)
    {
        var d = statistics.Difference;
        var interval = string.Create(CultureInfo.InvariantCulture, $"{d.Mean:G4} (95% CI {d.Low:G4} to {d.High:G4})");
        return distinguishable
            ? string.Create(CultureInfo.InvariantCulture, $"{variant} {(d.Mean > 0 ? "raises" : "lowers")} {metric} by {Math.Abs(d.Mean):G4} (difference {interval}); adjusted p = {adjustedP:G2}.")
            : $"{variant} cannot be told from the baseline on {metric} with these replications: difference {interval}, adjusted p = {adjustedP:G2}.";
    }
}
