using MathNet.Numerics.Distributions;

namespace GbaSim.Engine.Statistics;

/// <summary>
/// The Wilcoxon signed-rank test of paired differences against zero, two-sided. Zero
/// differences are dropped (Wilcoxon's convention); ties share their average rank. Up to 25
/// non-zero differences without ties the p-value is exact; otherwise a normal approximation
/// with tie and continuity corrections is used.
/// </summary>
public static class WilcoxonSignedRank
{
    public static (double Statistic, double PValue, bool Exact) Test(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var nonZero = differences.Where(d => d != 0 && !double.IsNaN(d)).ToArray();
        var n = nonZero.Length;
        if (n == 0)
        {
            return (0, 1, true);
        }
        var order = nonZero.Select((d, i) => (Abs: Math.Abs(d), Index: i)).OrderBy(x => x.Abs).ToArray();
        var ranks = new double[n];
        var hasTies = false;
        var tieCorrection = 0.0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && order[j + 1].Abs == order[i].Abs)
            {
                j++;
            }
            var rank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k].Index] = rank;
            }
            var t = j - i + 1;
            if (t > 1)
            {
                hasTies = true;
                tieCorrection += (t * t * t) - t;
            }
            i = j + 1;
        }
        var wPlus = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                wPlus += ranks[i];
            }
        }
        if (n <= 25 && !hasTies)
        {
            return (wPlus, ExactPValue(n, wPlus), true);
        }
        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1) * ((2 * n) + 1) / 24.0) - (tieCorrection / 48.0);
        var z = (Math.Abs(wPlus - mean) - 0.5) / Math.Sqrt(variance);
        return (wPlus, Math.Min(1, 2 * (1 - Normal.CDF(0, 1, Math.Max(0, z)))), false);
    }

    /// <summary>P(W ≥ w or W ≤ n(n+1)/2 - w) under the null, counting subsets of ranks 1..n by their sum.</summary>
    private static double ExactPValue(int n, double wPlus)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var sum = max; sum >= rank; sum--)
            {
                counts[sum] += counts[sum - rank];
            }
        }
        var total = Math.Pow(2, n);
        var extreme = Math.Min(wPlus, max - wPlus);
        var tail = 0.0;
        for (var sum = 0; sum <= (int)Math.Floor(extreme); sum++)
        {
            tail += counts[sum];
        }
        return Math.Min(1, 2 * tail / total);
    }
}
