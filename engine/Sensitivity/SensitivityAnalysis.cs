using GbaSim.Engine.Experiments;
using MathNet.Numerics.Statistics;

namespace GbaSim.Engine.Sensitivity;

/// <summary>Turns the runs of a <see cref="SensitivityPlan"/> into ranked indices per output figure.</summary>
public static class SensitivityAnalysis
{
    /// <summary>Headline figures analysed when none are named: the chain's output and pace, firms, patents, deals and talent.</summary>
    public static IReadOnlyList<string> DefaultOutputs { get; } =
    [
        "technologiesCommercialized", "medianMonthsToMarket", "share.technologiesFromFirms", "highTechEnterprises",
        "newHighTechEnterprises", "inventionPatents", "patentsGranted", "technologyTransactionValue", "talentEmployed",
    ];

    public static SensitivityReport Analyse(SensitivityPlan plan, IReadOnlyList<ReplicationResult> results, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(outputs);
        var byLabel = results.GroupBy(r => r.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var analysed = new List<OutputSensitivity>();
        var skipped = new List<string>();
        foreach (var output in outputs)
        {
            // A design point's output is its mean over the replications.
            var values = plan.Points.Select(p => byLabel[p.Label].Select(r => r.Summary.GetValueOrDefault(output, double.NaN)).Average()).ToArray();
            if (values.Count(v => !double.IsFinite(v)) is var missing and > 0)
            {
                skipped.Add($"{output}: no value at {missing} of {values.Length} design points (a figure the runs do not report, or a median of nothing)");
                continue;
            }
            analysed.Add(new OutputSensitivity(output, values.Mean(), values.StandardDeviation(), Rank(plan, values)));
        }
        return new SensitivityReport(plan.Scenario.Name, plan.Method.ToString().ToLowerInvariant(), plan.Replications, plan.Points.Count, plan.Runs.Count,
            plan.Factors, analysed, skipped);
    }

    private static IReadOnlyList<FactorIndex> Rank(SensitivityPlan plan, IReadOnlyList<double> values)
    {
        var names = plan.Factors.Select(f => f.Name).ToArray();
        if (plan.Morris is { } morris)
        {
            var effects = morris.ElementaryEffects(values);
            return names.Select((name, i) => (name, m: MorrisIndices.Of(effects[i])))
                .OrderByDescending(x => x.m.MuStar.Value).ThenBy(x => x.name, StringComparer.Ordinal)
                .Select((x, rank) => new FactorIndex(x.name, rank + 1, MuStar: x.m.MuStar, Mu: x.m.Mu, Sigma: x.m.Sigma))
                .ToArray();
        }
        var sobol = plan.Sobol!.Analyse(values);
        return names.Select((name, i) => (name, s: sobol[i]))
            .OrderByDescending(x => x.s.Total.Value).ThenBy(x => x.name, StringComparer.Ordinal)
            .Select((x, rank) => new FactorIndex(x.name, rank + 1, First: x.s.First, Total: x.s.Total))
            .ToArray();
    }
}
