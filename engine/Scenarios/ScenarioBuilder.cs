using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Checks a merged scenario as a whole (required keys, dates against the horizon, institutions
/// against the world, sweep axes against the policies) and builds the <see cref="ScenarioDefinition"/>.
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
                    policy.Scope.ToScope(), policy.Parameters, policy.Location, policy.BudgetPer?.Value ?? BudgetPeriod.Year));
            }
        }

        var sweep = CheckSweep(scenario, diagnostics);
        var forkAt = CheckFork(scenario.Fork, start, horizon, diagnostics);

        if (diagnostics.Count != errorsBefore || world is null || name is null || seed is null || start is null || worldPath is null || horizon is null)
        {
            return null;
        }
        var parameters = scenario.Parameters.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
        return new ScenarioDefinition(
            name.Value.Value,
            scenario.Description?.Value,
            scenario.FullPath,
            text,
            seed.Value.Value,
            start.Value.Value,
            horizon.Value,
            StepMonths: 1,
            worldPath.Value.Value.FullPath,
            world with { Parameters = parameters.Aggregate(world.Parameters, (all, p) => all.With(p.Key, p.Value)) },
            scenario.Scale?.Value ?? 1.0,
            policies,
            sweep,
            forkAt,
            parameters);
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
        if (policy.BudgetPer is { Value: BudgetPeriod.Total } total && policy.End is null)
        {
            diagnostics.Add(total.Location, $"policy '{name}' has a total budget but no 'end': a total is spent over stated dates",
                "give 'end: YYYY-MM', or 'budgetPer: year' for a yearly allowance");
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

    /// <summary>
    /// Each axis must name a policy of the merged scenario and a parameter of its type (or its
    /// budget), and every value must lie in that parameter's catalogue range. A range's points
    /// increase, so its first and last (reported at its 'from' and 'to') stand for all of them.
    /// </summary>
    private static SweepDefinition? CheckSweep(ScenarioDraft scenario, Diagnostics diagnostics)
    {
        if (scenario.Sweep is not { } sweep)
        {
            return null;
        }
        var names = scenario.Policies.Where(p => p.Name is not null).Select(p => p.Name!.Value.Value).ToArray();
        var axes = new List<SweepAxis>();
        foreach (var axis in sweep.Axes)
        {
            if (axis.Policy is not { } axisPolicy)
            {
                if (CheckModelAxis(axis, diagnostics) is { } modelAxis)
                {
                    axes.Add(modelAxis);
                }
                continue;
            }
            if (scenario.Policies.FirstOrDefault(p => p.Name?.Value == axisPolicy.Value) is not { } policy)
            {
                diagnostics.Add(axisPolicy.Location, $"unknown policy '{axisPolicy.Value}': the scenario has no policy of this name",
                    names.Length == 0 ? "the scenario (with any file it extends) has no policies" : Suggestions.Hint(axisPolicy.Value, names, "policies of the scenario"));
                continue;
            }
            if (policy.Type is not { } type)
            {
                continue;
            }
            Interval interval;
            if (axis.Parameter.Value == SweepDefinition.Budget)
            {
                interval = Interval.AtLeast(0);
            }
            else if (PolicyCatalog.ParametersOf(type.Value).FirstOrDefault(p => p.Name == axis.Parameter.Value) is { } parameter)
            {
                interval = new Interval(parameter.Minimum, parameter.Maximum);
            }
            else
            {
                var valid = PolicyCatalog.ParametersOf(type.Value).Select(p => p.Name).Append(SweepDefinition.Budget).ToArray();
                diagnostics.Add(axis.Parameter.Location, $"unknown parameter '{axis.Parameter.Value}' for a {PolicyCatalog.NameOf(type.Value)} policy",
                    Suggestions.Hint(axis.Parameter.Value, valid, "valid parameters"));
                continue;
            }
            var checkedValues = axis.IsRange ? new[] { axis.Values[0], axis.Values[^1] }.Distinct() : axis.Values;
            var inRange = true;
            foreach (var value in checkedValues)
            {
                inRange &= diagnostics.Within(value, interval, $"a sweep value of '{axis.Parameter.Value}'") is not null;
            }
            if (inRange)
            {
                axes.Add(new SweepAxis(axisPolicy.Value, axis.Parameter.Value, axis.Values.Select(v => v.Value).ToArray(), axis.Location));
            }
        }
        return new SweepDefinition(axes, sweep.Location);
    }

    /// <summary>An axis over a model parameter: a parameter of the catalogue, every value valid for it (whole where it counts).</summary>
    private static SweepAxis? CheckModelAxis(SweepAxisDraft axis, Diagnostics diagnostics)
    {
        var name = axis.Parameter.Value[SweepDefinition.ModelPrefix.Length..];
        if (ModelParameterCatalog.Find(name) is not { } parameter)
        {
            diagnostics.Add(axis.Parameter.Location, $"unknown model parameter '{name}'", Suggestions.Hint(name, ModelParameterCatalog.Names, "model parameters", listAll: true));
            return null;
        }
        var valid = true;
        foreach (var value in axis.IsRange ? new[] { axis.Values[0], axis.Values[^1] }.Distinct() : axis.Values)
        {
            valid &= diagnostics.Within(value, ModelParameterReader.Range(parameter), $"a sweep value of '{name}'") is not null;
        }
        foreach (var value in axis.Values.Where(v => parameter.Whole && v.Value != Math.Floor(v.Value)).Take(1))
        {
            diagnostics.Add(value.Location, $"a sweep value of '{name}' must be a whole number, not {Interval.Show(value.Value)}");
            valid = false;
        }
        return valid ? new SweepAxis(null, axis.Parameter.Value, axis.Values.Select(v => v.Value).ToArray(), axis.Location) : null;
    }

    /// <summary>A variant forks off its baseline after the first month and no later than the last.</summary>
    private static YearMonth? CheckFork(Located<YearMonth>? fork, Located<YearMonth>? start, int? horizon, Diagnostics diagnostics)
    {
        if (fork is not { } at || start is not { } first || horizon is not { } months)
        {
            return fork?.Value;
        }
        var last = first.Value.AddMonths(months - 1);
        if (at.Value <= first.Value)
        {
            diagnostics.Add(at.Location, $"'fork' at {at.Value} is not after the scenario starts in {first.Value}",
                "a variant shares its baseline's history up to the fork, so the fork comes after the first month");
            return null;
        }
        if (at.Value > last)
        {
            diagnostics.Add(at.Location, $"'fork' at {at.Value} is after the scenario ends in {last}");
            return null;
        }
        return at.Value;
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
