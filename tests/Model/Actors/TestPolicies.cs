using GbaSim.Model.Policies;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Policies as the model takes them (steps, not calendar months), for actor tests.</summary>
public static class TestPolicies
{
    /// <summary>A policy active from step <paramref name="start"/> to step <paramref name="end"/>, inclusive.</summary>
    public static PolicySpec Spec(
        PolicyType type,
        int index = 0,
        int start = 0,
        int end = 119,
        double budget = 1e9,
        PolicyScope? scope = null,
        Dictionary<string, double>? parameters = null,
        BudgetPeriod budgetPer = BudgetPeriod.Year) =>
        new(index, PolicyCatalog.NameOf(type), type, start, end, budget, scope ?? PolicyScope.Everywhere, parameters ?? [], budgetPer);
}
