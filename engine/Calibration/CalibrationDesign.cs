using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;

namespace GbaSim.Engine.Calibration;

/// <summary>
/// What a calibration actually runs: the scenario cut after the last year any target names
/// (later months cannot change earlier ones, so they only cost time), and the targets file's
/// parameters, or only those the command names, the others keeping the scenario's values.
/// </summary>
public static class CalibrationDesign
{
    public static ScenarioDefinition Through(ScenarioDefinition scenario, CalibrationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        var lastYear = targets.Targets.Max(t => t.Year);
        var months = scenario.Start.MonthsUntil(new Model.World.YearMonth(lastYear, 12)) + 1;
        return months < scenario.HorizonMonths ? scenario with { HorizonMonths = months } : scenario;
    }

    /// <summary>The file's design with only <paramref name="names"/> (comma-separated) fitted; null or empty keeps them all.</summary>
    public static CalibrationTargets Only(CalibrationTargets targets, string? names)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (string.IsNullOrWhiteSpace(names))
        {
            return targets;
        }
        var chosen = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = targets.Parameters.Select(p => p.Name).ToArray();
        if (chosen.FirstOrDefault(n => !known.Contains(n, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"--parameters: '{unknown}' is not fitted by the targets file ({Suggestions.Hint(unknown, known, "its parameters", listAll: true)})");
        }
        return targets with { Parameters = targets.Parameters.Where(p => chosen.Contains(p.Name, StringComparer.Ordinal)).ToArray() };
    }
}
