using GbaSim.Engine.Figures;
using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>Turns an experiment's replications into its statistics.</summary>
public static class ComparisonAnalysis
{
    /// <summary>The figures compared unless the user names others.</summary>
    public static readonly IReadOnlyList<string> DefaultMetrics =
    [
        "technologiesCommercialized", "medianMonthsToMarket",
        "conversion.basic-research", "conversion.breakthrough", "conversion.proof-of-concept", "conversion.transformation", "conversion.financing",
        "newHighTechEnterprises", "inventionPatents",
        "crossBorderShare.talent", "crossBorderShare.capital", "crossBorderShare.technology",
        "technologyTransactionValue", "policySpending",
    ];

    /// <summary>The figures from which a scenario's chain (technologies reaching each stage) is rebuilt.</summary>
    public static readonly IReadOnlyList<string> ChainMetrics =
    [
        "technologiesStarted", "conversion.basic-research", "conversion.breakthrough", "conversion.proof-of-concept", "conversion.transformation", "conversion.financing",
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
        var described = metrics.Union(ChainMetrics, StringComparer.Ordinal).Union(CityHeadlines.Metrics, StringComparer.Ordinal).ToArray();
        var scenarios = labels.Select(label => new ScenarioFigures(
            label,
            coordinates.TryGetValue(label, out var c) ? c : new Dictionary<string, double>(),
            described.ToDictionary(m => m, m => SampleSummary.Of(Values(label, m)), StringComparer.Ordinal))).ToArray();

        var raw = new List<(string Variant, string Metric, PairedComparison Statistics, double ExtraSpending, bool Tested)>();
        foreach (var variant in plan.Variants.Select(v => v.Label))
        {
            var extraSpending = Values(variant, "policySpending").Zip(Values(plan.Baseline.Name, "policySpending"), (v, b) => v - b).DefaultIfEmpty().Average();
            foreach (var metric in metrics)
            {
                var statistics = PairedComparison.Of(Values(plan.Baseline.Name, metric), Values(variant, metric));
                // Inputs the scenario sets, and differences that never vary, are reported but not tested, so they do not dilute Holm's correction.
                raw.Add((variant, metric, statistics, extraSpending, !IsInput(metric) && !statistics.Constant));
            }
        }
        var tested = raw.Select((r, i) => (r, i)).Where(x => x.r.Tested).Select(x => x.i).ToArray();
        var tAdjusted = Adjusted(raw.Select(r => r.Statistics.TTestP).ToArray(), tested);
        var wAdjusted = Adjusted(raw.Select(r => r.Statistics.WilcoxonP).ToArray(), tested);
        var comparisons = raw.Select((r, i) =>
        {
            var figure = FigureCatalogue.Summary(r.Metric);
            var perHundredMillion = r.Tested && r.ExtraSpending > 0 ? r.Statistics.Difference.Mean / (r.ExtraSpending / 1e8) : double.NaN;
            var distinguishable = r.Tested && tAdjusted[i] < 0.05 && r.Statistics.Difference.ExcludesZero;
            var finding = distinguishable ? Findings.Real : IsInput(r.Metric) || SetByScenario(r.Statistics) ? Findings.Input : Findings.Noise;
            return new MetricComparison(r.Variant, r.Metric, r.Statistics, tAdjusted[i], wAdjusted[i], r.ExtraSpending, perHundredMillion, distinguishable,
                ComparisonVerdict.Say(r.Variant, figure, r.Statistics, tAdjusted[i], finding, r.Tested), finding);
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
        var limits = TestLimits.For(plan.Replications, tested.Length);
        var contributions = plan.Removals.Count > 0 ? LeverContribution.Of(plan, Values, metrics) : null;
        var variants = plan.Variants.Select(v => v.Label);
        return new ComparisonReport(plan.Baseline.Name, plan.Replications, metrics.ToArray(), scenarios, comparisons, series, limits,
            ComparisonBreakdown.Cities(byLabel, labels), ComparisonBreakdown.Costs(Values, plan.Baseline.Name, variants), contributions);
    }

    /// <summary>A figure that differs but never varies between replications of either scenario: the seed does not move it, so the scenario sets it.</summary>
    private static bool SetByScenario(PairedComparison statistics) =>
        statistics.Difference.Mean != 0 && statistics.Baseline.StandardDeviation == 0 && statistics.Variant.StandardDeviation == 0;

    /// <summary>A figure the scenario sets rather than the model produces, such as policy spending.</summary>
    public static bool IsInput(string metric) => FigureCatalogue.Summary(metric).Better == FigureKinds.Neutral;

    /// <summary>Holm-adjusted p-values of the tested rows; NaN for the rest.</summary>
    private static double[] Adjusted(double[] pValues, int[] tested)
    {
        var adjusted = Enumerable.Repeat(double.NaN, pValues.Length).ToArray();
        var family = HolmCorrection.Adjust(tested.Select(i => pValues[i]).ToArray());
        for (var k = 0; k < tested.Length; k++)
        {
            adjusted[tested[k]] = family[k];
        }
        return adjusted;
    }
}
