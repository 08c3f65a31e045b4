namespace GbaSim.Model.Policies;

/// <summary>
/// One policy of a scenario: a typed intervention active from <see cref="StartStep"/> to
/// <see cref="EndStep"/> (inclusive), within a scope, spending at most <see cref="Budget"/> yuan.
/// </summary>
public sealed record PolicySpec(
    int Index,
    string Name,
    PolicyType Type,
    int StartStep,
    int EndStep,
    double Budget,
    PolicyScope Scope,
    IReadOnlyDictionary<string, double> Parameters)
{
    public bool IsActive(long step) => step >= StartStep && step <= EndStep;

    public int ActiveMonths => EndStep - StartStep + 1;

    /// <summary>The value of a parameter, or its catalogue default if the scenario left it out.</summary>
    public double Parameter(string name) => Parameters.TryGetValue(name, out var value)
        ? value
        : PolicyCatalog.ParametersOf(Type).First(p => p.Name == name).Default;
}
