using GbaSim.Engine.Statistics;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Engine.Experiments;

/// <summary>The parts of a comparison beyond the region's tests: each city's figures per scenario, and what each variant's extra spending buys.</summary>
internal static class ComparisonBreakdown
{
    /// <summary>Per city, figure and scenario, the mean and (for variants) the paired difference; none unless every run carries its cities.</summary>
    public static IReadOnlyList<CityResult>? Cities(IReadOnlyDictionary<string, ReplicationResult[]> byLabel, IReadOnlyList<string> labels)
    {
        var all = labels.SelectMany(l => byLabel[l]).ToArray();
        if (all.Length == 0 || all.Any(r => r.Cities is null))
        {
            return null;
        }
        var cities = GbaSim.Model.Ecosystem.Cities.All.Select(c => c.DisplayName()).Where(c => all.All(r => r.Cities!.ContainsKey(c))).ToArray();
        double[] Values(string label, string city, string metric) =>
            byLabel[label].Select(r => r.Cities![city].TryGetValue(metric, out var v) ? v : double.NaN).ToArray();
        var baseline = labels[0];
        return
        [
            .. from city in cities
               from metric in CityHeadlines.Metrics
               from label in labels
               let values = Values(label, city, metric)
               select new CityResult(city, metric, label, SampleSummary.Of(values),
                   label == baseline ? null : SampleSummary.Of(values.Zip(Values(baseline, city, metric), (v, b) => v - b).ToArray())),
        ];
    }

    /// <summary>Each variant's cost per additional unit of each outcome, over its replications paired with the baseline's.</summary>
    public static IReadOnlyList<CostPerOutcome> Costs(Func<string, string, double[]> values, string baseline, IEnumerable<string> variants)
    {
        double[] Extra(string variant, string metric) => values(variant, metric).Zip(values(baseline, metric), (v, b) => v - b).ToArray();
        return
        [
            .. from variant in variants
               from outcome in CostPerOutcome.Outcomes
               select CostPerOutcome.Of(variant, outcome, Extra(variant, "policySpending"), Extra(variant, outcome)),
        ];
    }
}
