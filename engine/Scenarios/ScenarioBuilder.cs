using GbaSim.Engine.Yaml;
using GbaSim.Grains.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Checks a merged scenario as a whole (required keys, dates against the horizon, institutions
/// against the world) and builds the <see cref="ScenarioDefinition"/>.
/// </summary>
internal static class ScenarioBuilder
{
    /// <param name="world">The loaded world, or null if it could not be loaded (its errors are already reported).</param>
    /// <param name="text">The text of the file asked for, kept with the run.</param>
    public static ScenarioDefinition? Build(ScenarioDraft scenario, WorldDefinition? world, string text, Diagnostics diagnostics)
    {
        var errorsBefore = diagnostics.Count;
        var name = Require(scenario.Name, "name", scenario, diagnostics);
        var seed = Require(scenario.Seed, "seed", scenario, diagnostics);
        var start = Require(scenario.Start, "start", scenario, diagnostics);
        var worldPath = Require(scenario.World, "world", scenario, diagnostics);
        var horizon = HorizonMonths(scenario, start, diagnostics);

        var policies = new List<PolicyDefinition>();
        foreach (var policy in scenario.Policies)
        {
            CheckDates(policy, start, horizon, diagnostics);
            CheckInstitutions(policy, world, diagnostics);
            if (policy is { Name: { } policyName, Type: { } type, Start: { } policyStart, Budget: { } budget })
            {
                policies.Add(new PolicyDefinition(
                    policyName.Value, type.Value, policyStart.Value, policy.End?.Value, budget.Value,
                    policy.Scope.ToScope(), policy.Parameters, policy.Location));
            }
        }

        if (diagnostics.Count != errorsBefore || world is null || name is null || seed is null || start is null || worldPath is null || horizon is null)
        {
            return null;
        }
        return new ScenarioDefinition(
            name.Value.Value,
            scenario.Description?.Value,
            scenario.FullPath,
            text,
            seed.Value.Value,
            start.Value.Value,
            horizon.Value,
            StepMonths: 1,
            worldPath.Value.Value,
            world,
            scenario.Scale?.Value ?? 1.0,
            policies);
    }

    private static Located<T>? Require<T>(Located<T>? value, string key, ScenarioDraft scenario, Diagnostics diagnostics)
    {
        if (value is null && !scenario.Written.Contains(key))
        {
            diagnostics.Add(scenario.Root, $"required key '{key}' is missing from the scenario (and from any file it extends)");
        }
        return value;
    }

    /// <summary>The months simulated, from <c>horizon</c> or from <c>end</c>; exactly one of them must be given.</summary>
    private static int? HorizonMonths(ScenarioDraft scenario, Located<YearMonth>? start, Diagnostics diagnostics)
    {
        if (scenario.Horizon is { } horizon)
        {
            return horizon.Value;
        }
        if (scenario.End is not { } end)
        {
            if (scenario.Written.Contains("horizon") || scenario.Written.Contains("end"))
            {
                return null;
            }
            diagnostics.Add(scenario.Root, "the scenario needs 'horizon' (months) or 'end' (YYYY-MM), and neither it nor any file it extends gives one");
            return null;
        }
        if (start is not { } s)
        {
            return null;
        }
        var months = s.Value.MonthsUntil(end.Value) + 1;
        if (months < 1)
        {
            diagnostics.Add(end.Location, $"'end' {end.Value} is before 'start' {s.Value}");
            return null;
        }
        if (months > ScenarioFileReader.MaxHorizonMonths)
        {
            diagnostics.Add(end.Location, $"'end' {end.Value} makes the run {months} months long; at most {ScenarioFileReader.MaxHorizonMonths} are allowed");
            return null;
        }
        return months;
    }

    /// <summary>A policy acts only within the run: it must start and end between the scenario's first and last month.</summary>
    private static void CheckDates(PolicyDraft policy, Located<YearMonth>? start, int? horizon, Diagnostics diagnostics)
    {
        if (start is not { } first || horizon is not { } months)
        {
            return;
        }
        var last = first.Value.AddMonths(months - 1);
        var name = policy.Name?.Value ?? "(unnamed)";
        if (policy.Start is { } policyStart)
        {
            if (policyStart.Value < first.Value)
            {
                diagnostics.Add(policyStart.Location, $"policy '{name}' starts in {policyStart.Value}, before the scenario starts in {first.Value}");
            }
            else if (policyStart.Value > last)
            {
                diagnostics.Add(policyStart.Location, $"policy '{name}' starts in {policyStart.Value}, after the scenario ends in {last}");
            }
        }
        if (policy.End is { } policyEnd)
        {
            if (policy.Start is { } s && policyEnd.Value < s.Value)
            {
                diagnostics.Add(policyEnd.Location, $"policy '{name}' ends in {policyEnd.Value}, before it starts in {s.Value}");
            }
            else if (policyEnd.Value > last)
            {
                diagnostics.Add(policyEnd.Location, $"policy '{name}' ends in {policyEnd.Value}, after the scenario ends in {last}",
                    "leave 'end' out to run the policy to the end of the scenario");
            }
            else if (policyEnd.Value < first.Value)
            {
                diagnostics.Add(policyEnd.Location, $"policy '{name}' ends in {policyEnd.Value}, before the scenario starts in {first.Value}");
            }
        }
    }

    private static void CheckInstitutions(PolicyDraft policy, WorldDefinition? world, Diagnostics diagnostics)
    {
        if (world is null || policy.Scope.Institutions.Count == 0)
        {
            return;
        }
        var keys = world.Institutions.Select(i => i.Key).ToArray();
        foreach (var key in policy.Scope.Institutions)
        {
            if (!keys.Contains(key.Value, StringComparer.Ordinal))
            {
                diagnostics.Add(key.Location, $"unknown institution '{key.Value}': the world has no institution with this key",
                    Suggestions.Hint(key.Value, keys, "institutions in the world"));
            }
        }
    }
}
