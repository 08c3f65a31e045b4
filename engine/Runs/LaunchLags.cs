using GbaSim.Kernel.Snapshots;

namespace GbaSim.Engine.Runs;

/// <summary>
/// The lag from discovery to launch, estimated without the bias of the run's window: every
/// technology is followed from the month it enters the records (its discovery, or the first
/// month for one already under way, which enters late at its age), to its launch, its
/// abandonment (a competing end) or the end of the run (censored). The Aalen–Johansen
/// cumulative incidence of launch by lag gives the median lag of the technologies that launch
/// within the longest lag followed; a plain median of the launches seen would miss the slow
/// ones a run ends too early to see.
/// </summary>
public sealed class LaunchLags
{
    private readonly Dictionary<int, long> _openByBorn = [];
    private readonly Dictionary<int, long> _entries = [];
    private readonly Dictionary<int, long> _launches = [];
    private readonly Dictionary<int, long> _ends = [];

    /// <summary>A technology born in <paramref name="born"/> enters the records in <paramref name="month"/>.</summary>
    public void Enter(int born, int month)
    {
        Bump(_openByBorn, born, 1);
        Bump(_entries, month - born, 1);
    }

    /// <summary>A technology born in <paramref name="born"/> launches in <paramref name="month"/>.</summary>
    public void Launch(int born, int month)
    {
        Bump(_openByBorn, born, -1);
        Bump(_launches, month - born, 1);
    }

    /// <summary>A technology born in <paramref name="born"/> is abandoned in <paramref name="month"/>.</summary>
    public void Abandon(int born, int month)
    {
        Bump(_openByBorn, born, -1);
        Bump(_ends, month - born, 1);
    }

    /// <summary>
    /// The median lag in months of the technologies that launch, for a run whose last month is
    /// <paramref name="lastMonth"/>; 0 if none launched.
    /// </summary>
    public double Median(int lastMonth)
    {
        // Technologies still under way at the end leave the risk set after the last lag they were seen at.
        var censored = new Dictionary<int, long>();
        foreach (var (born, open) in _openByBorn)
        {
            if (open > 0)
            {
                Bump(censored, lastMonth - born, open);
            }
        }
        var lags = _entries.Keys.Concat(_launches.Keys).Concat(_ends.Keys).Concat(censored.Keys).Distinct().Order().ToArray();
        if (lags.Length == 0 || _launches.Count == 0)
        {
            return 0;
        }
        var incidence = new List<(int Lag, double Launched)>();
        double atRisk = 0, survival = 1, launched = 0;
        foreach (var lag in lags)
        {
            atRisk += _entries.GetValueOrDefault(lag);
            var launches = _launches.GetValueOrDefault(lag);
            var ends = _ends.GetValueOrDefault(lag);
            if (atRisk > 0 && launches + ends > 0)
            {
                launched += survival * launches / atRisk;
                survival *= 1 - ((launches + ends) / atRisk);
                incidence.Add((lag, launched));
            }
            atRisk -= launches + ends + censored.GetValueOrDefault(lag);
        }
        var half = launched / 2;
        return incidence.First(p => p.Launched >= half - 1e-12).Lag;
    }

    public void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var counts in new[] { _openByBorn, _entries, _launches, _ends })
        {
            writer.Write(counts.Count);
            foreach (var (key, value) in counts.OrderBy(p => p.Key))
            {
                writer.Write(key);
                writer.Write(value);
            }
        }
    }

    public void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var counts in new[] { _openByBorn, _entries, _launches, _ends })
        {
            counts.Clear();
            for (var n = reader.Read<int>(); n > 0; n--)
            {
                var key = reader.Read<int>();
                counts[key] = reader.Read<long>();
            }
        }
    }

    private static void Bump(Dictionary<int, long> counts, int key, long by) => counts[key] = counts.GetValueOrDefault(key) + by;
}
