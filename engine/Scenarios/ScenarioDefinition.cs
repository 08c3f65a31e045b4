using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// A validated scenario, with <c>extends</c> already resolved: what to simulate, from when, for
/// how long, on which world, at what firm sample scale and under which policies.
/// </summary>
/// <param name="SourcePath">The scenario file's full path (the most derived file when it extends others).</param>
/// <param name="Text">The scenario file's text as written, kept with the run.</param>
/// <param name="HorizonMonths">Months simulated; the last month is <c>Start.AddMonths(HorizonMonths - 1)</c>.</param>
/// <param name="StepMonths">Months per step; 1 (monthly) is the only step the model supports today.</param>
/// <param name="WorldPath">The world file's full path.</param>
/// <param name="Scale">Firms simulated as a multiple of the high-tech enterprises, in (0, 20]; figures are divided by it.</param>
/// <param name="Sweep">The parameters to vary, one run per point (<c>SweepExpansion.Expand</c>); null for a single run.</param>
/// <param name="Parameters">The model parameters the scenario sets (by camelCase name), already applied to <see cref="World"/>; empty when it sets none.</param>
/// <param name="ForkAt">The month from which this variant branches off its baseline's history, after <see cref="Start"/> and not after <see cref="End"/>; null when it runs from the start.</param>
public sealed record ScenarioDefinition(
    string Name,
    string? Description,
    string SourcePath,
    string Text,
    ulong Seed,
    YearMonth Start,
    int HorizonMonths,
    int StepMonths,
    string WorldPath,
    WorldDefinition World,
    double Scale,
    IReadOnlyList<PolicyDefinition> Policies,
    SweepDefinition? Sweep = null,
    YearMonth? ForkAt = null,
    IReadOnlyDictionary<string, double>? Parameters = null)
{
    /// <summary>The model parameters the scenario sets, by camelCase name.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = Parameters ?? new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>A copy that sets one model parameter (named as in files) in its overrides and in its world.</summary>
    public ScenarioDefinition WithModelParameter(string name, double value) => this with
    {
        Parameters = new Dictionary<string, double>(Parameters, StringComparer.Ordinal) { [name] = value },
        World = World with { Parameters = World.Parameters.With(name, value) },
    };

    public YearMonth End => Start.AddMonths(HorizonMonths - 1);

    /// <summary>The policies as the model takes them: indexed, with dates turned into steps.</summary>
    public IReadOnlyList<PolicySpec> PolicySpecs() => Policies
        .Select((p, i) => new PolicySpec(
            i,
            p.Name,
            p.Type,
            Start.MonthsUntil(p.Start),
            Start.MonthsUntil(p.End ?? End),
            p.Budget,
            p.Scope,
            p.Parameters,
            p.BudgetPer))
        .ToArray();
}
