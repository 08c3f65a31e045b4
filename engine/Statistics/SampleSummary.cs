using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace GbaSim.Engine.Statistics;

/// <summary>The mean of a sample with its 95% confidence interval (Student's t).</summary>
public sealed record SampleSummary(int Count, double Mean, double StandardDeviation, double Low, double High)
{
    public static SampleSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new SampleSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var mean = values.Mean();
        if (values.Count == 1)
        {
            return new SampleSummary(1, mean, double.NaN, double.NaN, double.NaN);
        }
        var sd = values.StandardDeviation();
        var half = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * sd / Math.Sqrt(values.Count);
        return new SampleSummary(values.Count, mean, sd, mean - half, mean + half);
    }

    /// <summary>Whether the interval excludes zero, i.e. the sign of the mean is established at the 5% level.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}
