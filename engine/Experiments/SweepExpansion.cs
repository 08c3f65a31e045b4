using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>A scenario's sweep points (placeholder until sweeps are parsed: a scenario is its own single point).</summary>
public static class SweepExpansion
{
    public static IReadOnlyList<SweepPoint> Expand(ScenarioDefinition scenario) =>
        [new SweepPoint(scenario.Name, new Dictionary<string, double>(), scenario)];
}

public sealed record SweepPoint(string Label, IReadOnlyDictionary<string, double> Coordinates, ScenarioDefinition Scenario);
