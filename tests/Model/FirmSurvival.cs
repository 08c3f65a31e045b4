using GbaSim.Model.Firms;

namespace GbaSim.Tests.Model;

/// <summary>
/// A survival curve read off a run's end: of the firms founded during the run that are now
/// <c>a</c> whole years old, the share still open. Each founding cohort is seen once, at its age
/// when the run ends, as registry-based survival studies see their cohorts.
/// </summary>
public static class FirmSurvival
{
    /// <summary>Age in whole years → (firms founded that long before the end, share still open).</summary>
    public static SortedDictionary<int, (int Firms, double Alive)> ByAge(IEnumerable<Firm> firms, int months)
    {
        ArgumentNullException.ThrowIfNull(firms);
        var curve = new SortedDictionary<int, (int, double)>();
        foreach (var cohort in firms.Where(f => f.BornStep >= 0).GroupBy(f => (months - f.BornStep) / 12))
        {
            curve[cohort.Key] = (cohort.Count(), cohort.Count(f => !f.Closed) / (double)cohort.Count());
        }
        return curve;
    }
}
