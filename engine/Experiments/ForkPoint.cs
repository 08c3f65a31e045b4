using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Engine.Experiments;

/// <summary>Where a comparison forks: the month given with <c>--fork-at</c>, else the one its variant files ask for.</summary>
public static class ForkPoint
{
    /// <summary>
    /// The month a scenario file asks its comparison to fork at (<c>fork: { at: YYYY-MM }</c>),
    /// or null.
    /// </summary>
    public static YearMonth? Of(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.ForkAt;
    }

    /// <summary>
    /// The fork month of a comparison: <paramref name="commandLine"/> if given, else the month
    /// the variant files agree on, else null (no fork). Variants asking for different months are
    /// refused: every variant of a comparison branches from the same past.
    /// </summary>
    public static YearMonth? ForComparison(YearMonth? commandLine, IEnumerable<ScenarioDefinition> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (commandLine is not null)
        {
            return commandLine;
        }
        var asked = variants.Select(v => (v.Name, At: Of(v))).Where(v => v.At is not null).ToArray();
        var months = asked.Select(v => v.At!.Value).Distinct().ToArray();
        if (months.Length > 1)
        {
            throw new ArgumentException($"The variants ask to fork at different months ({string.Join(", ", asked.Select(v => $"{v.Name}: {v.At}"))}); "
                + "a comparison forks every variant at one month: choose it with --fork-at.");
        }
        return months.Length == 1 ? months[0] : null;
    }
}
