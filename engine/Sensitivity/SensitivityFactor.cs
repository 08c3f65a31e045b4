using System.Globalization;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// A parameter that sensitivity analysis or calibration varies, over <see cref="Low"/> to
/// <see cref="High"/>: a model parameter (<c>breakthroughMonthly</c>) or a parameter or budget
/// of one of the scenario's policies (<c>policy-name.extraSlots</c>, <c>policy-name.budget</c>).
/// </summary>
/// <param name="Policy">The policy whose parameter this is; null for a model parameter.</param>
/// <param name="Parameter">The model parameter's name, or the policy's parameter (or <c>budget</c>).</param>
/// <param name="Whole">Whether the parameter takes whole numbers only (values are rounded).</param>
public sealed record SensitivityFactor(string? Policy, string Parameter, double Low, double High, bool Whole)
{
    /// <summary>How the factor is named on the command line, in files and reports.</summary>
    public string Name => Policy is null ? Parameter : $"{Policy}.{Parameter}";

    /// <summary>The value at a point of the unit interval: 0 is <see cref="Low"/>, 1 is <see cref="High"/>.</summary>
    public double ValueAt(double unit)
    {
        var value = Low + unit * (High - Low);
        // Twelve significant digits: 0.0375, not 0.037500000000000006, in files and reports.
        return Whole ? Math.Round(value, MidpointRounding.AwayFromZero) : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The scenario with this factor set to <paramref name="value"/>.</summary>
    public ScenarioDefinition Apply(ScenarioDefinition scenario, double value)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (Policy is null)
        {
            return scenario.WithModelParameter(Parameter, value);
        }
        var policies = scenario.Policies.Select(p => p.Name == Policy ? p.With(Parameter, value) : p).ToArray();
        return scenario with { Policies = policies };
    }
}
