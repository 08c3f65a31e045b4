namespace GbaSim.Engine.Statistics;

/// <summary>What a test can conclude at a number of replications, and a warning when it cannot conclude much.</summary>
/// <param name="Test">paired t-test or Wilcoxon signed-rank.</param>
/// <param name="Replications">Paired replications per scenario.</param>
/// <param name="MinimumReplications">The fewest replications at which the test can reach the significance level after Holm's correction over the comparisons made.</param>
/// <param name="SmallestAdjustedP">The smallest Holm-adjusted p-value the test can give at this size (0 when there is no floor).</param>
/// <param name="CanReachSignificance">Whether any difference, however large, could be significant at this size.</param>
/// <param name="Warning">A sentence for the reader, or null when the size raises no concern.</param>
public sealed record TestLimit(string Test, int Replications, int MinimumReplications, double SmallestAdjustedP, bool CanReachSignificance, string? Warning);

/// <summary>
/// The limits that the number of replications puts on the paired tests. Wilcoxon's exact test
/// has a floor: with n pairs its two-sided p-value is at least 2 ÷ 2ⁿ (all differences of one
/// sign), so 5 replications cannot go below 0.0625. Holm's correction multiplies the smallest
/// p-value by the number of comparisons, which raises the replications needed further.
/// </summary>
public static class TestLimits
{
    public const string TTest = "paired t-test";
    public const string Wilcoxon = "Wilcoxon signed-rank";

    /// <summary>Below this many pairs, normality of the differences, which the t-test relies on, cannot be checked from the data.</summary>
    public const int TTestComfortableReplications = 10;

    public static double SmallestWilcoxonP(int replications) => replications <= 0 ? 1 : Math.Min(1, 2 / Math.Pow(2, replications));

    /// <summary>The fewest pairs whose smallest Wilcoxon p, times the comparisons made (Holm's first step), is below <paramref name="alpha"/>.</summary>
    public static int WilcoxonReplicationsNeeded(int comparisons, double alpha = 0.05)
    {
        var n = 1;
        while (Math.Max(1, comparisons) * SmallestWilcoxonP(n) >= alpha)
        {
            n++;
        }
        return n;
    }

    public static IReadOnlyList<TestLimit> For(int replications, int comparisons, double alpha = 0.05)
    {
        var m = Math.Max(1, comparisons);
        var wilcoxonFloor = Math.Min(1, m * SmallestWilcoxonP(replications));
        var wilcoxonNeeded = WilcoxonReplicationsNeeded(m, alpha);
        var wilcoxonReaches = wilcoxonFloor < alpha;
        var p = alpha.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var wilcoxonWarning = wilcoxonReaches
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Wilcoxon}: with {replications} replications its exact two-sided p cannot fall below {SmallestWilcoxonP(replications):0.####}{(m > 1 ? $", or {wilcoxonFloor:0.###} after Holm's correction over {m} comparisons" : "")}, so it cannot reach {p} at this size however large the effect; it needs at least {wilcoxonNeeded} replications.");
        var tReaches = replications >= 2;
        var tWarning = !tReaches
            ? $"{TTest}: it needs at least 2 replications."
            : replications < TTestComfortableReplications
                ? $"{TTest}: with fewer than {TTestComfortableReplications} replications ({replications}) the differences' normality, which its p-values rely on, cannot be checked; read its p-values as rough."
                : null;
        return
        [
            new TestLimit(TTest, replications, 2, 0, tReaches, tWarning),
            new TestLimit(Wilcoxon, replications, wilcoxonNeeded, wilcoxonFloor, wilcoxonReaches, wilcoxonWarning),
        ];
    }
}
