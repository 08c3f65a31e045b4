using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Percentile bootstrap intervals: the statistic recomputed on resamples (with replacement) of
/// the units it is made of, seeded so that the same data always give the same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples drawn; a thousand keep the 2.5% and 97.5% percentiles stable to about a percent.</summary>
    public const int Resamples = 1000;

    /// <param name="units">How many units (trajectories, base samples) the statistic is computed over.</param>
    /// <param name="statistic">The statistic over a list of unit indices (with repeats).</param>
    public static Estimate Of(int units, Func<IReadOnlyList<int>, double> statistic, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var all = Enumerable.Range(0, units).ToArray();
        var value = statistic(all);
        if (units < 2)
        {
            return new Estimate(value, double.NaN, double.NaN);
        }
        var random = new MersenneTwister(seed);
        var sample = new int[units];
        var values = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < units; i++)
            {
                sample[i] = random.Next(units);
            }
            values[b] = statistic(sample);
        }
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0
            ? new Estimate(value, double.NaN, double.NaN)
            : new Estimate(value, finite.Quantile(0.025), finite.Quantile(0.975));
    }
}
