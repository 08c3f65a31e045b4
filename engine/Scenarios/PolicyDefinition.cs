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
    BudgetPeriod BudgetPer = BudgetPeriod.Year);
