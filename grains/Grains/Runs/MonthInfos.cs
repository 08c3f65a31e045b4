using GbaSim.Contracts.Runs;
using GbaSim.Engine.Runs;

namespace GbaSim.Grains.Runs;

/// <summary>A month's region figures, policy spending and chain counts, flattened for watchers and results.</summary>
public static class MonthInfos
{
    public static MonthInfo From(MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in month.Region.Values())
        {
            figures[name] = value;
        }
        figures["policySpending"] = month.Policies.Sum(p => p.Spent);
        figures["transitions"] = month.Transitions.Count;
        return new MonthInfo(month.Index, month.Month.ToString(), figures);
    }
}
