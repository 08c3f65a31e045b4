using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace GbaSim.Engine.Statistics;

/// <summary>
/// The ratio of two paired means, mean(numerator) ÷ mean(denominator), with Fieller's 95%
/// interval, which accounts for the uncertainty of both means and their covariance. The
/// interval is bounded only when the denominator's own 95% interval excludes zero; otherwise
/// the ratio is not estimated (<see cref="Bounded"/> false, the interval NaN).
/// </summary>
public sealed record PairedRatio(double Ratio, double Low, double High, bool Bounded)
{
    public static PairedRatio Of(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        if (numerator.Count != denominator.Count)
        {
            throw new ArgumentException($"Paired samples must have equal sizes ({numerator.Count} and {denominator.Count}).");
        }
        var n = numerator.Count;
        if (n < 2 || numerator.Concat(denominator).Any(v => !double.IsFinite(v)))
        {
            return Unbounded;
        }
        var (s, d) = (numerator.Mean(), denominator.Mean());
        // Variances and covariance of the two means.
        var (vss, vdd, vsd) = (numerator.Variance() / n, denominator.Variance() / n, Covariance(numerator, denominator) / n);
        var t2 = Math.Pow(StudentT.InvCDF(0, 1, n - 1, 0.975), 2);
        // Fieller: the ratios R with (s − R d)² ≤ t² (vss − 2R vsd + R² vdd), a quadratic a R² + b R + c ≤ 0.
        var a = (d * d) - (t2 * vdd);
        if (a <= 0 || d == 0)
        {
            return Unbounded;
        }
        var b = -2 * ((s * d) - (t2 * vsd));
        var c = (s * s) - (t2 * vss);
        var root = Math.Sqrt(Math.Max(0, (b * b) - (4 * a * c)));
        return new PairedRatio(s / d, (-b - root) / (2 * a), (-b + root) / (2 * a), true);
    }

    private static PairedRatio Unbounded => new(double.NaN, double.NaN, double.NaN, false);

    private static double Covariance(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (mx, my) = (x.Mean(), y.Mean());
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / (x.Count - 1);
    }
}
