using System.Globalization;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Reads which parameters to vary, and over what, from <c>--parameters</c>: a comma-separated
/// list of names (a model parameter, <c>policy.parameter</c> or <c>policy.budget</c>), each
/// optionally with its range as <c>name=low:high</c>. A name without a range takes its default
/// range: the catalogue's for a model parameter, half to one and a half times the scenario's
/// value (within the parameter's valid values) for a policy's.
/// </summary>
public static class SensitivityFactors
{
    /// <summary>The factors named by <paramref name="spec"/>, or by default every model parameter and every policy parameter and budget of the scenario whose range is not empty.</summary>
    /// <exception cref="ArgumentException">A name is unknown, a range malformed or outside the valid values.</exception>
    public static IReadOnlyList<SensitivityFactor> Parse(string? spec, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (string.IsNullOrWhiteSpace(spec))
        {
            return All(scenario).Where(f => f.High > f.Low).ToArray();
        }
        var factors = new List<SensitivityFactor>();
        foreach (var item in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, range) = item.Split('=', 2) is [var n, var r] ? (n.Trim(), r.Trim()) : (item, null);
            var factor = Find(name, scenario);
            if (factors.Any(f => f.Name == factor.Name))
            {
                throw new ArgumentException($"--parameters names '{factor.Name}' twice.");
            }
            factors.Add(range is null ? factor : WithRange(factor, range, scenario));
        }
        if (factors.FirstOrDefault(f => !(f.High > f.Low)) is { } flat)
        {
            throw new ArgumentException($"The range of '{flat.Name}' is empty ({Show(flat.Low)} to {Show(flat.High)}): give one as {flat.Name}=LOW:HIGH.");
        }
        return factors;
    }

    /// <summary>Every factor the scenario offers, with its default range.</summary>
    public static IEnumerable<SensitivityFactor> All(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var parameter in ModelParameterCatalog.All)
        {
            yield return new SensitivityFactor(null, parameter.Name, parameter.Low, parameter.High, parameter.Whole);
        }
        foreach (var policy in scenario.Policies)
        {
            foreach (var parameter in PolicyCatalog.ParametersOf(policy.Type))
            {
                yield return AroundValue(policy.Name, parameter.Name, policy.Parameters.GetValueOrDefault(parameter.Name, parameter.Default), parameter.Minimum, parameter.Maximum);
            }
            yield return AroundValue(policy.Name, SweepDefinition.Budget, policy.Budget, 0, double.PositiveInfinity);
        }
    }

    /// <summary>The valid values of a factor: those the scenario format accepts for it.</summary>
    public static (double Minimum, double Maximum) ValidRange(SensitivityFactor factor, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(scenario);
        if (factor.Policy is null)
        {
            var parameter = ModelParameterCatalog.Find(factor.Parameter)!;
            return (parameter.Minimum, parameter.Maximum);
        }
        if (factor.Parameter == SweepDefinition.Budget)
        {
            return (0, double.PositiveInfinity);
        }
        var type = scenario.Policies.First(p => p.Name == factor.Policy).Type;
        var found = PolicyCatalog.ParametersOf(type).First(p => p.Name == factor.Parameter);
        return (found.Minimum, found.Maximum);
    }

    /// <summary>The factor a name stands for, with its default range.</summary>
    public static SensitivityFactor Find(string name, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = name.StartsWith(SweepDefinition.ModelPrefix, StringComparison.Ordinal) ? name[SweepDefinition.ModelPrefix.Length..] : name;
        var all = All(scenario).ToArray();
        return all.FirstOrDefault(f => f.Name == bare)
            ?? throw new ArgumentException(
                $"Unknown parameter '{name}'. Model parameters: {string.Join(", ", ModelParameterCatalog.Names)}. "
                + (scenario.Policies.Count == 0
                    ? "The scenario has no policies."
                    : $"Policy parameters of the scenario: {string.Join(", ", all.Where(f => f.Policy is not null).Select(f => f.Name))}."));
    }

    private static SensitivityFactor WithRange(SensitivityFactor factor, string range, ScenarioDefinition scenario)
    {
        if (range.Split(':') is not [var lowText, var highText]
            || !double.TryParse(lowText, NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(highText, NumberStyles.Float, CultureInfo.InvariantCulture, out var high))
        {
            throw new ArgumentException($"The range of '{factor.Name}' must be written LOW:HIGH with two numbers, e.g. {factor.Name}={Show(factor.Low)}:{Show(factor.High)}; got '{range}'.");
        }
        var (minimum, maximum) = ValidRange(factor, scenario);
        if (!(low < high) || low < minimum || high > maximum)
        {
            throw new ArgumentException($"The range of '{factor.Name}' must rise from LOW to HIGH within [{Show(minimum)}, {Show(maximum)}]; got {Show(low)}:{Show(high)}.");
        }
        return factor with { Low = low, High = high };
    }

    private static SensitivityFactor AroundValue(string policy, string parameter, double value, double minimum, double maximum) =>
        new(policy, parameter, Math.Max(minimum, value * 0.5), Math.Min(maximum, value * 1.5), Whole: false);

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
