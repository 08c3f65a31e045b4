using MathNet.Numerics.Distributions;

namespace GbaSim.Engine.Statistics;

/// <summary>
/// A variant against its baseline on one figure, replication by replication (common random
/// numbers pair them): the mean difference with its 95% interval, the paired t-test and the
/// Wilcoxon signed-rank test, and the effect size d_z (mean difference over its standard deviation).
/// A non-zero difference that never varies has no t statistic, p-value or effect size (NaN): it
/// is fixed by the scenario, not estimated.
/// </summary>
public sealed record PairedComparison(
    SampleSummary Baseline,
    SampleSummary Variant,
    SampleSummary Difference,
    double RelativeDifference,
    double TStatistic,
    double TTestP,
    double WilcoxonP,
    double EffectSize)
{
    /// <summary>Whether the difference is the same in every replication (at least two), so no test applies.</summary>
    public bool Constant => Difference.Count >= 2 && Difference.StandardDeviation == 0;

    public static PairedComparison Of(IReadOnlyList<double> baseline, IReadOnlyList<double> variant)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        if (baseline.Count != variant.Count)
        {
            throw new ArgumentException($"Paired samples must have equal sizes ({baseline.Count} and {variant.Count}).");
        }
        var differences = variant.Zip(baseline, (v, b) => v - b).ToArray();
        var difference = SampleSummary.Of(differences);
        var (t, p) = TTest(difference);
        var (_, wilcoxon, _) = WilcoxonSignedRank.Test(differences);
        var b = SampleSummary.Of(baseline);
        var effect = difference.StandardDeviation > 0 ? difference.Mean / difference.StandardDeviation : difference.Mean == 0 ? 0 : double.NaN;
        return new PairedComparison(b, SampleSummary.Of(variant), difference, b.Mean != 0 ? difference.Mean / Math.Abs(b.Mean) : double.NaN, t, p, wilcoxon, effect);
    }

    /// <summary>Two-sided paired t-test; a difference that is always zero is null (p = 1), one that never varies but is not zero has no test (NaN).</summary>
    private static (double T, double P) TTest(SampleSummary difference)
    {
        if (difference.Count < 2)
        {
            return (double.NaN, 1);
        }
        if (difference.StandardDeviation == 0 || double.IsNaN(difference.StandardDeviation))
        {
            return difference.Mean == 0 ? (0, 1) : (double.NaN, double.NaN);
        }
        var t = difference.Mean / (difference.StandardDeviation / Math.Sqrt(difference.Count));
        return (t, 2 * (1 - StudentT.CDF(0, 1, difference.Count - 1, Math.Abs(t))));
    }
}
