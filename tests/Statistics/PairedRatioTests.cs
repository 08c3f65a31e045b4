using GbaSim.Engine.Statistics;

namespace GbaSim.Tests.Statistics;

/// <summary>Fieller's interval for a ratio of paired means, as the cost per outcome uses it.</summary>
public sealed class PairedRatioTests
{
    [Fact]
    public void Fixed_numerator_over_a_varying_denominator_is_bounded_by_the_denominators_interval()
    {
        double[] spending = [1e8, 1e8, 1e8, 1e8, 1e8];
        double[] outcome = [10, 12, 8, 11, 9];
        var ratio = PairedRatio.Of(spending, outcome);
        var denominator = SampleSummary.Of(outcome);
        Assert.True(ratio.Bounded);
        Assert.Equal(1e7, ratio.Ratio, 6);
        // With no uncertainty above the line, Fieller's bounds are the numerator over the denominator's bounds.
        Assert.Equal(1e8 / denominator.High, ratio.Low, 3);
        Assert.Equal(1e8 / denominator.Low, ratio.High, 3);
    }

    [Fact]
    public void Ratio_is_not_estimated_when_the_denominators_interval_contains_zero()
    {
        var ratio = PairedRatio.Of([1e8, 1e8, 1e8, 1e8, 1e8], [1, -1, 2, -2, 0.5]);
        Assert.False(ratio.Bounded);
        Assert.True(double.IsNaN(ratio.Ratio) && double.IsNaN(ratio.Low) && double.IsNaN(ratio.High));
    }

    [Fact]
    public void Numerator_varying_against_the_denominator_widens_the_interval_around_the_same_ratio()
    {
        double[] outcome = [10, 12, 8, 11, 9];
        var fixedSpending = PairedRatio.Of([1e8, 1e8, 1e8, 1e8, 1e8], outcome);
        var varying = PairedRatio.Of([1.3e8, 0.8e8, 1.1e8, 0.9e8, 0.9e8], outcome);
        Assert.Equal(fixedSpending.Ratio, varying.Ratio, 3);
        Assert.True(varying.High - varying.Low > fixedSpending.High - fixedSpending.Low);
        Assert.InRange(varying.Ratio, varying.Low, varying.High);
    }
}
