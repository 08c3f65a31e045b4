namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// A factor's Sobol indices by Jansen's estimators (Jansen 1999; Saltelli et al. 2010, table 2):
/// the first-order index S (the share of output variance the factor explains alone) and the
/// total index ST (its share with all its interactions), with bootstrap intervals over base samples.
/// </summary>
public sealed record SobolIndices(Estimate First, Estimate Total)
{
    /// <param name="fa">Outputs at A.</param>
    /// <param name="fb">Outputs at B.</param>
    /// <param name="fab">Outputs at AB_i: A with this factor's column from B.</param>
    public static SobolIndices Of(IReadOnlyList<double> fa, IReadOnlyList<double> fb, IReadOnlyList<double> fab, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(fa);
        ArgumentNullException.ThrowIfNull(fb);
        ArgumentNullException.ThrowIfNull(fab);
        var first = Bootstrap.Of(fa.Count, rows => 1 - Sums(rows, fa, fb, fab).SquaredBToAB / 2 / Sums(rows, fa, fb, fab).Variance, seed);
        var total = Bootstrap.Of(fa.Count, rows => Sums(rows, fa, fb, fab).SquaredAToAB / 2 / Sums(rows, fa, fb, fab).Variance, seed);
        return new SobolIndices(first, total);
    }

    /// <summary>Over the rows drawn: the variance of the outputs at A and B pooled, and the mean squared differences Jansen's estimators use.</summary>
    private static (double Variance, double SquaredBToAB, double SquaredAToAB) Sums(IReadOnlyList<int> rows, IReadOnlyList<double> fa, IReadOnlyList<double> fb, IReadOnlyList<double> fab)
    {
        double sum = 0, sumSquares = 0, bToAB = 0, aToAB = 0;
        foreach (var j in rows)
        {
            sum += fa[j] + fb[j];
            sumSquares += fa[j] * fa[j] + fb[j] * fb[j];
            bToAB += (fb[j] - fab[j]) * (fb[j] - fab[j]);
            aToAB += (fa[j] - fab[j]) * (fa[j] - fab[j]);
        }
        var n = 2.0 * rows.Count;
        var variance = (sumSquares - sum * sum / n) / (n - 1);
        return (variance, bToAB / rows.Count, aToAB / rows.Count);
    }
}
