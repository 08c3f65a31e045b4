using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>A policy as written in a scenario file, with calendar dates and the place it was written.</summary>
public sealed record PolicyDefinition(
    string Name,
    PolicyType Type,
    YearMonth Start,
    YearMonth? End,
    double Budget,
    PolicyScope Scope,
    IReadOnlyDictionary<string, double> Parameters,
    SourceLocation Location,
    BudgetPeriod BudgetPer = BudgetPeriod.Year)
{
    /// <summary>A copy with one parameter of its type, or its budget (<see cref="SweepDefinition.Budget"/>), set.</summary>
    public PolicyDefinition With(string parameter, double value) =>
        parameter == SweepDefinition.Budget
            ? this with { Budget = value }
            : this with { Parameters = new Dictionary<string, double>(Parameters, StringComparer.Ordinal) { [parameter] = value } };
}
