using System.Globalization;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// One run of a sweep: the scenario with each axis's parameter set to this point's value.
/// </summary>
/// <param name="Label">The scenario's name with the point's values, e.g. <c>pilot-platforms[extraSlots=20]</c>; the scenario's <see cref="ScenarioDefinition.Name"/> too.</param>
/// <param name="Coordinates">The value of each axis, keyed <c>policy.parameter</c>; empty for a scenario without a sweep.</param>
/// <param name="Scenario">The scenario to run, without a sweep of its own.</param>
public sealed record SweepPoint(string Label, IReadOnlyDictionary<string, double> Coordinates, ScenarioDefinition Scenario);

/// <summary>Turns a scenario with a <c>sweep:</c> into the scenarios it stands for, one per point.</summary>
public static class SweepExpansion
{
    /// <summary>
    /// One point per value of a one-axis sweep, or per cell of a two-axis grid (the first axis
    /// outer, values in the order written). A scenario without a sweep is its own single point.
    /// </summary>
    /// <exception cref="ArgumentException">An axis names a policy the scenario lacks (the loader never lets one through).</exception>
    public static IReadOnlyList<SweepPoint> Expand(ScenarioDefinition scenario)
    {
        if (scenario.Sweep is not { } sweep)
        {
            return [new SweepPoint(scenario.Name, new Dictionary<string, double>(StringComparer.Ordinal), scenario)];
        }
        if (sweep.Axes.FirstOrDefault(a => a.Policy is not null && !scenario.Policies.Any(p => p.Name == a.Policy)) is { } stray)
        {
            throw new ArgumentException($"sweep axis '{stray.Key}' names a policy the scenario '{scenario.Name}' does not have", nameof(scenario));
        }

        // A label names an axis by its parameter alone unless two axes vary parameters of the same name (two budgets, say).
        var ambiguous = sweep.Axes.GroupBy(a => a.Parameter, StringComparer.Ordinal).Any(g => g.Count() > 1);
        IEnumerable<(SweepAxis Axis, double Value)[]> cells = [[]];
        foreach (var axis in sweep.Axes)
        {
            cells = cells.SelectMany(cell => axis.Values.Select(value => cell.Append((axis, value)).ToArray()));
        }
        return cells.Select(cell => Point(scenario, cell, ambiguous)).ToArray();
    }

    private static SweepPoint Point(ScenarioDefinition scenario, (SweepAxis Axis, double Value)[] cell, bool ambiguous)
    {
        var policies = scenario.Policies.ToArray();
        var coordinates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (axis, value) in cell)
        {
            coordinates[axis.Key] = value;
            if (axis.ModelParameter is { } name)
            {
                scenario = scenario.WithModelParameter(name, value);
                continue;
            }
            var index = Array.FindIndex(policies, p => p.Name == axis.Policy);
            policies[index] = policies[index].With(axis.Parameter, value);
        }
        var label = $"{scenario.Name}[{string.Join(",", cell.Select(c => $"{(ambiguous ? c.Axis.Key : c.Axis.Parameter)}={Format(c.Value)}"))}]";
        return new SweepPoint(label, coordinates, scenario with { Name = label, Policies = policies, Sweep = null });
    }

    /// <summary>The shortest text that reads back as the same number, whatever the culture.</summary>
    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
