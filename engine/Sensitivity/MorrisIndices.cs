using MathNet.Numerics.Statistics;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Morris's measures for one factor: μ* (mean absolute elementary effect, Campolongo et al. 2007:
/// how much the factor matters), μ (the mean, whose sign says which way) and σ (the spread:
/// interactions or non-linearity), with bootstrap intervals over trajectories.
/// </summary>
public sealed record MorrisIndices(Estimate MuStar, double Mu, Estimate Sigma)
{
    public static MorrisIndices Of(IReadOnlyList<double> effects, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var muStar = Bootstrap.Of(effects.Count, sample => sample.Average(i => Math.Abs(effects[i])), seed);
        var sigma = Bootstrap.Of(effects.Count, sample => sample.Select(i => effects[i]).StandardDeviation(), seed);
        return new MorrisIndices(muStar, effects.Average(), sigma);
    }
}
