using GbaSim.Engine.Yaml;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// One policy as a file wrote it, before the scenario's dates and world are known. Values that
/// were missing or invalid are null (and already reported).
/// </summary>
/// <param name="Location">Where the policy's mapping starts.</param>
internal sealed record PolicyDraft(
    SourceLocation Location,
    Located<string>? Name,
    Located<PolicyType>? Type,
    Located<YearMonth>? Start,
    Located<YearMonth>? End,
    Located<double>? Budget,
    ScopeDraft Scope,
    IReadOnlyDictionary<string, double> Parameters,
    Located<BudgetPeriod>? BudgetPer = null);
