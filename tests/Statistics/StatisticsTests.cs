using GbaSim.Engine.Statistics;

namespace GbaSim.Tests.Statistics;

/// <summary>The statistics against textbook cases and independently computed values.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Confidence_interval_of_a_mean_uses_students_t()
    {
        // Mean 5, sample SD 2.1381, t(0.975, 7) = 2.3646: half-width 1.7875.
        var summary = SampleSummary.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(5, summary.Mean, 12);
        Assert.Equal(2.138089935, summary.StandardDeviation, 8);
        Assert.Equal(3.21251, summary.Low, 1e-4);
        Assert.Equal(6.78749, summary.High, 1e-4);
    }

    [Fact]
    public void Paired_t_test_matches_a_computed_case()
    {
        // Differences 1..5: t = 3 / (1.5811 / sqrt 5) = 4.2426 on 4 degrees of freedom, p = 0.013236 (numerical integration).
        var comparison = PairedComparison.Of([10, 10, 10, 10, 10], [11, 12, 13, 14, 15]);
        Assert.Equal(4.242640687, comparison.TStatistic, 6);
        Assert.Equal(0.0132356, comparison.TTestP, 5);
        Assert.Equal(3, comparison.Difference.Mean, 12);
        Assert.Equal(3 / 1.58113883, comparison.EffectSize, 6);
    }

    [Fact]
    public void Wilcoxon_signed_rank_gives_the_exact_textbook_p_values()
    {
        // All five differences positive: only 1 of 32 sign patterns is as extreme on each side, p = 2/32.
        Assert.Equal(0.0625, WilcoxonSignedRank.Test([1, 2, 3, 4, 5]).PValue, 12);
        // W- = 1 for six differences: sums {0} and {1} of 64 patterns on each side, p = 4/64.
        var (w, p, exact) = WilcoxonSignedRank.Test([-1, 2, 3, 4, 5, 6]);
        Assert.Equal(20, w);
        Assert.Equal(0.0625, p, 12);
        Assert.True(exact);
    }

    [Fact]
    public void Wilcoxon_drops_zero_differences_and_uses_the_normal_approximation_for_ties()
    {
        Assert.Equal(1, WilcoxonSignedRank.Test([0, 0, 0]).PValue);
        var (_, p, exact) = WilcoxonSignedRank.Test([1, 1, 2, 2, 3, 3, 4, 4, -1, 5]);
        Assert.False(exact);
        Assert.InRange(p, 0.005, 0.05);
    }

    [Fact]
    public void Holm_correction_steps_down_and_stays_monotone()
    {
        var adjusted = HolmCorrection.Adjust([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 10)));
    }

    [Fact]
    public void Identical_samples_show_no_difference()
    {
        double[] values = [3, 5, 4, 6, 5];
        var comparison = PairedComparison.Of(values, values);
        Assert.Equal(0, comparison.Difference.Mean);
        Assert.Equal(1, comparison.TTestP);
        Assert.Equal(1, comparison.WilcoxonP);
        Assert.False(comparison.Difference.ExcludesZero);
    }
}
