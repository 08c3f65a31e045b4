namespace GbaSim.Model.Policies;

/// <summary>
/// One policy of a scenario: a typed intervention active from <see cref="StartStep"/> to
/// <see cref="EndStep"/> (inclusive), within a scope, spending at most <see cref="Budget"/> yuan
/// a year (or in all, when <see cref="BudgetPer"/> is <see cref="BudgetPeriod.Total"/>).
/// </summary>
public sealed record PolicySpec(
    int Index,
    string Name,
    PolicyType Type,
    int StartStep,
    int EndStep,
    double Budget,
    PolicyScope Scope,
    IReadOnlyDictionary<string, double> Parameters,
    BudgetPeriod BudgetPer = BudgetPeriod.Year)
{
    public bool IsActive(long step) => step >= StartStep && step <= EndStep;

    public int ActiveMonths => EndStep - StartStep + 1;

    /// <summary>The first step of the budget period <paramref name="step"/> falls in: the policy's start for a total, else its latest anniversary.</summary>
    public int PeriodStart(long step) => BudgetPer == BudgetPeriod.Total ? StartStep : StartStep + ((int)(step - StartStep) / 12 * 12);

    /// <summary>The last step of the budget period <paramref name="step"/> falls in, never beyond the policy's end.</summary>
    public int PeriodEnd(long step) => BudgetPer == BudgetPeriod.Total ? EndStep : Math.Min(EndStep, PeriodStart(step) + 11);

    /// <summary>What a rule-changing policy books each active month: a twelfth of a yearly budget, or the total over its stated months.</summary>
    public double MonthlyShare => BudgetPer == BudgetPeriod.Total ? Budget / ActiveMonths : Budget / 12;

    /// <summary>The value of a parameter, or its catalogue default if the scenario left it out.</summary>
    public double Parameter(string name) => Parameters.TryGetValue(name, out var value)
        ? value
        : PolicyCatalog.ParametersOf(Type).First(p => p.Name == name).Default;
}
