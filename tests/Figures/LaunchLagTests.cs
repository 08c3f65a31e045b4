using GbaSim.Engine.Runs;

namespace GbaSim.Tests.Figures;

/// <summary>
/// The median lag from discovery to launch on constructed technologies whose true median is
/// known: four in ten launch after a lag uniform on 40-120 months (median 80), the rest are
/// abandoned within five years.
/// </summary>
public sealed class LaunchLagTests
{
    private const int TrueMedian = 80;

    /// <summary>Starts <paramref name="perMonth"/> technologies in every month from <paramref name="first"/> to <paramref name="lastMonth"/> and records what the run would see of them.</summary>
    private static List<int> Follow(LaunchLags lags, int first, int lastMonth, int perMonth, int seed)
    {
        var random = new Random(seed);
        var launchesSeen = new List<int>();
        for (var born = first; born <= lastMonth; born++)
        {
            for (var i = 0; i < perMonth; i++)
            {
                var launches = random.NextDouble() < 0.4;
                var lag = launches ? random.Next(40, 121) : random.Next(1, 61);
                var end = born + lag;
                if (end < 0)
                {
                    // Over before the run began: never seen.
                    continue;
                }
                lags.Enter(born, Math.Max(born, 0));
                if (end > lastMonth)
                {
                    continue;
                }
                if (launches)
                {
                    lags.Launch(born, end);
                    launchesSeen.Add(lag);
                }
                else
                {
                    lags.Abandon(born, end);
                }
            }
        }
        return launchesSeen;
    }

    private static double PlainMedian(List<int> lags) => lags.Order().ElementAt(lags.Count / 2);

    [Fact]
    public void Median_lag_counts_the_slow_launches_a_run_ends_too_early_to_see()
    {
        var lags = new LaunchLags();
        var seen = Follow(lags, 0, 143, 60, 7);

        Assert.True(PlainMedian(seen) < TrueMedian - 8, $"the plain median of launches seen is {PlainMedian(seen)}");
        Assert.InRange(lags.Median(143), TrueMedian - 3, TrueMedian + 3);
    }

    [Fact]
    public void Technologies_under_way_at_the_start_count_from_their_discovery()
    {
        // A three-year run that starts with twenty years' technologies still in the pipeline.
        var lags = new LaunchLags();
        Follow(lags, -240, 35, 60, 11);

        Assert.InRange(lags.Median(35), TrueMedian - 3, TrueMedian + 3);
    }

    [Fact]
    public void Median_lag_is_zero_when_nothing_launched()
    {
        var lags = new LaunchLags();
        lags.Enter(0, 0);
        lags.Abandon(0, 5);

        Assert.Equal(0, lags.Median(11));
    }
}
